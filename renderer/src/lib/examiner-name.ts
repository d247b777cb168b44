// The examiner's name is remembered on this machine so the picker can prefill it; it is
// still sent (and recorded by the engine) each time a case is opened.
const KEY = 'tracelight.examiner';

export function rememberedExaminer(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberExaminer(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    /* storage disabled: the field simply starts empty next time */
  }
}
