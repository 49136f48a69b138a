// dependency-cruiser (run by `npm run lint`): imports run one way, as README's "Where things are"
// says: shells (cli, electron, renderer) → grading → lessons → python/symbolic → autograd →
// printing. Type-only imports count too: a cycle of types is still two modules that cannot be
// read apart. tests/lint/layers.test.ts shows that a new cycle or an upward import fails.

/** core/ folders from the top layer down; each may import only the folders after it. */
const CORE_LAYERS = [['grading'], ['lessons'], ['python', 'symbolic'], ['autograd'], ['printing']];

const upwardImports = CORE_LAYERS.flatMap((layer, depth) =>
  layer.map((folder) => ({
    name: `core-${folder}-imports-upward`,
    comment: `core/${folder} may import only the layers below it (README, "Where things are").`,
    severity: 'error',
    from: { path: `^core/${folder}/` },
    to: { path: `^core/(${CORE_LAYERS.slice(0, depth).flat().join('|') || '-'})/` },
  })),
);

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Two modules that import each other cannot be read, tested or changed apart.',
      severity: 'error',
      from: {},
      to: {
        circular: true,
        // EXCEPTION, narrowed at the autograd-core merge: the only cycles left are closed by
        // node.ts's type imports (a Node's inputs are Tensors, its record a ForwardTrace and a
        // Derivative) while tensor.ts and ops/record.ts import node.ts for values (issue 14).
        via: { pathNot: '^core/autograd/(tensor|node|derivative|ops/record)[.]ts$' },
      },
    },
    ...upwardImports,
    {
      name: 'core-imports-a-shell',
      comment: 'core/ is pure TypeScript that every shell calls; it never reaches back into one.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(cli|electron|renderer|scripts|bench|tools|tests)/' },
    },
    {
      name: 'core-imports-node',
      comment: 'core/ runs in the browser worker as well as in Node: no Node built-ins.',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shell-imports-another-shell',
      comment:
        'A shell (cli, electron, renderer) uses core/ and node/ (what the Node shells share), ' +
        'not another shell; the one shared contract is the renderer host API in renderer/host/.',
      severity: 'error',
      from: { path: '^(cli|electron|renderer|node)/' },
      to: {
        path: '^(cli|electron|renderer)/',
        pathNot: ['^$1/', '^renderer/host/'],
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing fails at run time.',
      severity: 'error',
      from: {},
      // virtual: modules are made by the build (vite.renderer.config.mts).
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // The Python sources are read as text; the layering fixture breaks the rules on purpose.
    exclude: { path: '(^|/)node_modules/|^(core/python/py|tests/fixtures)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
