/** The build's stamp as it would be written now: a SHA-256 of its sources (and lock file), and the environment it reads. */
export declare const currentStamp: (name: 'server' | 'addin') => { sources: string; env: Record<string, string> };
