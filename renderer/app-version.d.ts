// Defined by vite.renderer.config.mts from package.json.
declare const __GRADLAB_VERSION__: string;
