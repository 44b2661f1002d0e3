/** CLI output: machine-readable JSON on stdout with --json, human text otherwise; errors always on stderr. */
export interface Output {
  json: boolean;
  result(value: unknown, human: string): void;
  note(line: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
    },
    note(line) {
      if (!json) process.stdout.write(`${line}\n`);
      else process.stderr.write(`${line}\n`);
    },
  };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
