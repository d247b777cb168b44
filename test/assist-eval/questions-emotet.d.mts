// Types of the evaluation set for the TypeScript tests that read it.
export declare const EMOTET: [lang: 'en' | 'ja', question: string, expectedSql: string][];
