// A request to change the case ("delete the events of host X", "タグを消して") is recognised
// before anything is parsed, so that it is answered "nothing was changed" rather than read as
// a question about deletions ("which files were deleted" and "削除されたファイル" are questions).
const EN = /^(?:please\s+|pls\s+|kindly\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|i\s+want\s+(?:you\s+)?to\s+|let'?s\s+|go\s+ahead\s+and\s+)?(?:delete|remove|drop|update|insert|modify|change|erase|wipe|clear|rename|truncate|overwrite|tag|untag|mark|edit|alter|purge|add|set|replace|fix|correct|hide)\b/i;
const EN_SQL = /\b(?:delete\s+from|insert\s+into|update\s+\w+\s+set|drop\s+(?:table|view|index)|alter\s+table|create\s+(?:table|view|index|trigger)|attach\s+database|pragma\s+\w+|vacuum)\b/i;
const JA = /(?:削除|消去|変更|更新|編集|修正|追加|書き換え|除去|上書き|改ざん|訂正|非表示に)\s*(?:して|しろ|せよ|してください|して下さい|してほしい|したい|お願い|を?頼む)|(?:消して|消せ|消しといて|消してください|消しておいて|直して|書き換えて)|タグを?(?:付けて|つけて|外して|はずして|消して|削除)/;

export function isWriteRequest(question: string): boolean {
  const q = question.normalize('NFKC').trim();
  return EN.test(q) || EN_SQL.test(q) || JA.test(q);
}
