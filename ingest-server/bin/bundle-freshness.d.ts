/** True when the bundle exists and no source of shared-rules, templates or ingest-server is newer. */
export declare const isBundleFresh: (bundle: string) => boolean;
