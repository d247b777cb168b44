// README.txt at the package root: how to check the package with standard tools, in English
// and Japanese, for a reader who has never heard of Tracelight.
export interface ReadmeInput {
  caseName: string;
  caseNumber: string;
  createdAt: string;
  examiner: string;
  version: string;
  files: number;
  custodyCount: number;
  custodyHead: string;
}

export function readmeTxt(r: ReadmeInput): string {
  const caseLine = `${r.caseName}${r.caseNumber ? ` (${r.caseNumber})` : ''}`;
  return `Tracelight evidence package / Tracelight 証拠パッケージ
================================================================

Case / 事件: ${caseLine}
Created / 作成: ${r.createdAt} by ${r.examiner} with Tracelight ${r.version}
Payload files / 収録ファイル数: ${r.files}
Custody log / 管理記録: ${r.custodyCount} entries, head hash ${r.custodyHead}

--- English ---------------------------------------------------------------

This ZIP is a BagIt bag (RFC 8493). Everything about the case is under data/:
  data/evidence/        the evidence files exactly as they were ingested
  data/report/          report.pdf (the report) and workbook.xlsx (the analyst workbook)
  data/custody/         custody-log.jsonl: every action taken on the case, hash-chained
  data/case/            the case database (SQLite; any sqlite3 opens it)
  data/manifest.json    case details and every file with its size, SHA-256 and role
  data/provenance.jsonld  who did what with which tool, in CASE/UCO JSON-LD

To check that nothing was changed, added or removed:
  1. Extract:           unzip PACKAGE.zip -d package && cd package
  2. Linux:             sha256sum -c SHA256SUMS
     macOS:             shasum -a 256 -c SHA256SUMS
     Windows PowerShell: Get-Content SHA256SUMS | ForEach-Object {
                           $h, $f = $_ -split '  ', 2
                           if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -ne $h) { "FAILED: $f" } }
     Every line must say OK (no FAILED line on Windows). Also make sure the folder holds no
     file that SHA256SUMS does not list: a file added to the package is not in any manifest.
  3. BagIt tools (bagit-python: bagit.py --validate package) check manifest-sha256.txt,
     tagmanifest-sha256.txt and the Payload-Oxum in bag-info.txt.
  4. The custody log:   python3 verify-custody.py
     Each entry's entry_hash is the SHA-256 of the JSON array
       [id, time, examiner, workstation, version, action, details, prev_hash]
     (no spaces, non-ASCII not escaped); prev_hash is the previous entry's hash, and
     64 zeros for entry 1. Changing, removing or reordering any entry breaks the chain.
  5. With Tracelight:   tracelight verify PACKAGE.zip  (does all of the above, exit 0 = intact)
                        tracelight serve --review PACKAGE.zip  (read-only review in a browser)

--- 日本語 ----------------------------------------------------------------

この ZIP は BagIt 形式 (RFC 8493) です。事件に関するものはすべて data/ にあります。
  data/evidence/        取り込んだときのままの証拠ファイル
  data/report/          report.pdf (報告書) と workbook.xlsx (分析用ワークブック)
  data/custody/         custody-log.jsonl: 事件に対するすべての操作 (ハッシュチェーン付き)
  data/case/            事件データベース (SQLite。sqlite3 で開けます)
  data/manifest.json    事件情報と、全ファイルのサイズ・SHA-256・役割
  data/provenance.jsonld  誰が・どのツールで・何をしたか (CASE/UCO JSON-LD)

改ざん・追加・削除がないことの確認方法:
  1. 展開:              unzip PACKAGE.zip -d package && cd package
  2. Linux:             sha256sum -c SHA256SUMS
     macOS:             shasum -a 256 -c SHA256SUMS
     Windows PowerShell: 上記 English の手順 2 のコマンド
     すべての行が OK になること (Windows では FAILED が出ないこと)。また、SHA256SUMS に
     載っていないファイルがフォルダにないことも確認してください (追加されたファイルは
     どのマニフェストにも載っていません)。
  3. BagIt ツール (bagit-python: bagit.py --validate package) で manifest-sha256.txt、
     tagmanifest-sha256.txt、bag-info.txt の Payload-Oxum を検証できます。
  4. 管理記録 (chain of custody):  python3 verify-custody.py
     各エントリの entry_hash は JSON 配列
       [id, time, examiner, workstation, version, action, details, prev_hash]
     (空白なし、非 ASCII 文字はエスケープしない) の SHA-256 です。prev_hash は直前の
     エントリの entry_hash (最初のエントリは 0 が 64 個)。どのエントリを変更・削除・
     並べ替えてもチェーンが切れます。
  5. Tracelight がある場合:  tracelight verify PACKAGE.zip  (上記すべてを確認。終了コード 0 = 改変なし)
                            tracelight serve --review PACKAGE.zip  (ブラウザで読み取り専用で閲覧)
`;
}
