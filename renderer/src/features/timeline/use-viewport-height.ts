import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height available for rows: the scroll container's client height minus its sticky
 * header, kept current as the window or panels resize.
 */
export function useViewportHeight(
  container: RefObject<HTMLElement | null>,
  header: RefObject<HTMLElement | null>,
): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const measure = () => setHeight(Math.max(0, element.clientHeight - (header.current?.offsetHeight ?? 0)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, header]);
  return height;
}
