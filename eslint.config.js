// ESLint flat config: typescript-eslint's recommended rules everywhere, stricter in core/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const moduleStateMessage =
  'No mutable module-level state in core/: pass it, or keep it in an object the caller owns.';
const moduleLevel = ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration';
const moduleLevelLet = { selector: `${moduleLevel}[kind!='const']`, message: moduleStateMessage };
const moduleLevelCollections = [
  `${moduleLevel} > VariableDeclarator[init.type='NewExpression'][init.callee.name=/^(Map|Set|WeakMap|WeakSet|Array)$/]:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly/])`,
  `${moduleLevel} > VariableDeclarator > ArrayExpression.init[elements.length=0]`,
  `${moduleLevel} > VariableDeclarator > ObjectExpression.init[properties.length=0]`,
].map((selector) => ({ selector, message: moduleStateMessage }));

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', '.vite/', 'test-results/', 'core/python/py/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
      // core/ is called by every shell at once (grading, lessons, the worker): state kept in a
      // module outlives the call that set it, as the symbolic budget once did.
      'no-restricted-syntax': ['error', moduleLevelLet],
    },
  },
  {
    // The same state in disguise: a module-level collection that code fills in. Lookup tables
    // are declared Readonly. (core/autograd joins once its own such state has an owner.)
    files: ['core/**/*.ts'],
    ignores: ['core/autograd/**'],
    rules: { 'no-restricted-syntax': ['error', moduleLevelLet, ...moduleLevelCollections] },
  },
  {
    files: [
      'cli/**',
      'electron/**',
      'node/**',
      'scripts/**',
      'bench/**',
      'tests/**',
      'bin/**',
      '*.ts',
      '*.mts',
      '*.js',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
);
