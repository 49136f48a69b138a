// PyTorch in a process of its own that runs a Python function on request and answers with the
// CPU milliseconds it took: a benchmark alternates it with its own runs, so that both sides meet
// the same load on this shared machine.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

const SERVER = `
import base64, sys, time, torch
exec(base64.b64decode(sys.stdin.readline()).decode())
print(torch.__version__, torch.get_num_threads(), flush=True)
for name in sys.stdin:
    function = globals()[name.strip()]
    began = time.process_time()
    function()
    print((time.process_time() - began) * 1000, flush=True)
`;

export interface TorchProcess {
  version: string;
  threads: string;
  /** CPU milliseconds of one call of the named function of the set-up code. */
  time(functionName: string): Promise<number>;
  close(): void;
}

/** PyTorch with `setup` run, or null when no python3 here has torch (its error as the reason). */
export async function startTorch(setup: string): Promise<TorchProcess | string> {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const started = await tryStart(python, setup);
    if (typeof started !== 'string') return started;
  }
  return 'no python3 with torch found (apt-get install python3-torch)';
}

async function tryStart(python: string, setup: string): Promise<TorchProcess | string> {
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn(python, ['-c', SERVER]);
  } catch (error) {
    return String(error);
  }
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const failed = new Promise<string>((resolve) => {
    child.on('error', (error) => resolve(String(error)));
    child.on('exit', (code) => resolve(`${python} exited with ${code}`));
  });
  const next = async (): Promise<string> => {
    const line = await Promise.race([lines.next(), failed]);
    if (typeof line === 'string') throw new Error(line);
    if (line.done === true) throw new Error(`${python} closed its output`);
    return line.value;
  };
  child.stdin.write(`${Buffer.from(setup).toString('base64')}\n`);
  try {
    const [version, threads] = (await next()).split(' ');
    return {
      version,
      threads,
      time: async (functionName) => {
        child.stdin.write(`${functionName}\n`);
        return Number(await next());
      },
      close: () => child.kill(),
    };
  } catch (error) {
    child.kill();
    return String(error);
  }
}
