/**
 * A logger per module, writing to stderr so that stdout stays machine-readable (`--json`).
 * Level from BW_LOG_LEVEL (debug|info|warn|error|silent), default info.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function threshold(): number {
  const name = process.env['BW_LOG_LEVEL'];
  return name !== undefined && name in LEVELS ? LEVELS[name as keyof typeof LEVELS] : LEVELS.info;
}

export function createLogger(module: string): Logger {
  const write = (level: Level, message: string, fields?: Record<string, unknown>): void => {
    if (LEVELS[level] < threshold()) return;
    const extra = fields === undefined ? '' : ` ${JSON.stringify(fields)}`;
    process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} [${module}] ${message}${extra}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
