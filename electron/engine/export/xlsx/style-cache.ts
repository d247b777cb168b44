// exceljs resolves every cell's style from scratch (fonts, fills, borders, its XML rendering),
// even in its streaming writer; on a 200k-row timeline that was the largest single cost. Our
// workbook uses a handful of distinct styles, so their ids are cached by the style's content.
// This reaches into exceljs's `styles.addStyleModel` (4.4): if that internal ever changes shape
// the cache is simply not installed and the writer stays correct, only slower.
import type ExcelJS from 'exceljs';

type AddStyleModel = (model: unknown, cellType?: number) => number;

export function cacheStyles(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: { addStyleModel?: AddStyleModel } }).styles;
  if (!styles || typeof styles.addStyleModel !== 'function') return;
  const original = styles.addStyleModel.bind(styles);
  const ids = new Map<string, number>();
  styles.addStyleModel = (model, cellType) => {
    if (!model) return original(model, cellType);
    const key = `${cellType ?? ''}|${JSON.stringify(model)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = original(model, cellType);
      ids.set(key, id);
    }
    return id;
  };
}
