// Entry point of the `gradlab` command: dispatches to one module per subcommand.
// Bad input prints one clear line on stderr and exits with status 2 (README, "The `gradlab`
// command").
import { UsageError, reportFailure } from './errors.ts';

interface Command {
  synopsis: string;
  summary: string;
  load: () => Promise<{ main: (args: string[]) => Promise<number> }>;
}

const commands: Record<string, Command> = {
  run: {
    synopsis: 'run FILE [--fresh] [--json] [--timeout SECONDS]',
    summary: 'run every Python cell of a lesson, notebook or .py file',
    load: () => import('./commands/run.ts'),
  },
  derive: {
    synopsis: 'derive EXPR --wrt VARS [--at x=2,u=1] [--json]',
    summary: 'the symbolic derivative beside autograd',
    load: () => import('./commands/derive.ts'),
  },
  grade: {
    synopsis: 'grade LESSON ID (--answer TEXT | --answer-file FILE) [--json] [--timeout SECONDS]',
    summary: 'grade one answer to a practice item',
    load: () => import('./commands/grade.ts'),
  },
  check: {
    synopsis: 'check PATH... [--timeout SECONDS]',
    summary: 'validate lesson files (file:line:col messages)',
    load: () => import('./commands/check.ts'),
  },
  preview: {
    synopsis: 'preview DIR [--port N] [--with-builtin]',
    summary: 'serve a course folder in the browser, updated as its files are saved',
    load: () => import('./commands/preview.ts'),
  },
  build: {
    synopsis: 'build DIR --out SITE [--title TEXT] [--with-builtin]',
    summary: 'check a course folder and write it as a static website',
    load: () => import('./commands/build.ts'),
  },
  autograde: {
    synopsis:
      'autograde SUBMISSION... --lessons DIR [--out grades.csv] [--feedback DIR] [--jobs N] [--timeout SECONDS]',
    summary: "re-grade students' submission files into a gradebook CSV",
    load: () => import('./commands/autograde.ts'),
  },
};

function usage(): string {
  const lines = Object.values(commands).map((c) => `  gradlab ${c.synopsis}\n      ${c.summary}`);
  return ['usage:', ...lines].join('\n');
}

async function dispatch(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command)
    throw new UsageError(
      `unknown command '${name}' (expected one of: ${Object.keys(commands).join(', ')})`,
    );
  const module = await command.load();
  return module.main(rest);
}

// A reader that stops early (`gradlab run FILE | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await dispatch(process.argv.slice(2));
} catch (error) {
  process.exitCode = reportFailure(error);
}
