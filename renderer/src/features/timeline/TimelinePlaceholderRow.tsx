/** A row whose page has not arrived yet: keeps the scroll geometry honest while it loads. */
export function TimelinePlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy
      className="tl-row placeholder"
      style={{ transform: `translateY(${top}px)` }}
      data-testid="timeline-row-loading"
    >
      <div role="gridcell" className="tl-cell">
        …
      </div>
    </div>
  );
}
