// Injected at build time from package.json (see scripts/build.mjs); tests see "dev".
declare const __TRACELIGHT_VERSION__: string | undefined;
export const VERSION: string = typeof __TRACELIGHT_VERSION__ === 'string' ? __TRACELIGHT_VERSION__ : '0.0.0-dev';
