// The engine host's command line. main passes --workspace=<Documents>/Tracelight; the flag is
// looked up by name because utilityProcess.fork places its args after Electron's own argv.
const WORKSPACE_FLAG = '--workspace=';

export function workspaceFromArgv(argv: readonly string[]): string | null {
  const flag = argv.find((a) => a.startsWith(WORKSPACE_FLAG));
  const dir = flag?.slice(WORKSPACE_FLAG.length);
  return dir ? dir : null;
}
