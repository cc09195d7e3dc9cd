export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  with(fields: LogFields): Logger;
}

// Field names that may carry credentials; their values never reach a log line.
const SECRET_FIELDS = /token|secret|authorization|signature|password/i;

function redact(fields: LogFields): LogFields {
  const safe: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELDS.test(key)) safe[key] = "[redacted]";
    else if (value instanceof Error) safe[key] = { name: value.name, message: value.message };
    else safe[key] = value;
  }
  return safe;
}

/** One JSON line per event; `context` (e.g. the workflow id) is repeated on every line. */
export function createLogger(context: LogFields = {}): Logger {
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const line = JSON.stringify({ level, event, ...redact(context), ...redact(fields) });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: (event, fields) => write("debug", event, fields),
    info: (event, fields) => write("info", event, fields),
    warn: (event, fields) => write("warn", event, fields),
    error: (event, fields) => write("error", event, fields),
    with: (fields) => createLogger({ ...context, ...fields }),
  };
}
