/** scripts/build-ui.mjs: bundles the web console; the size of each file written, raw and gzipped, in bytes. */
export function buildUi(outdir?: string): Promise<Record<'index.html' | 'console.js' | 'console.css', { raw: number; gzip: number }>>;
