// Command registration: global (`/applications/{id}/commands`) and per guild.
import { unsupportedInstallFields } from "../application-profile.ts";
import { checkCommand, commandJson, validateCommands } from "../commands.ts";
import type { Emulator } from "../context.ts";
import { missingAccess, unknownCommand } from "../discord-errors.ts";
import { FormErrors } from "../form-errors.ts";
import { type ApiRequest, type ApiResponse, jsonResponse, noContent } from "../http-types.ts";
import { isObject, type JsonObject } from "../json.ts";
import { readJsonBody, readJsonObject } from "../request-body.ts";
import { type Params, param, route } from "../router.ts";
import { applicationMeRoutes } from "./application-me.ts";

const GLOBAL = "/applications/:application_id/commands";
const GUILD = "/applications/:application_id/guilds/:guild_id/commands";

export const applicationRoutes = [
  ...applicationMeRoutes,
  ...[GLOBAL, GUILD].flatMap((base) => {
    const major = base === GUILD ? ["guild_id"] : [];
    return [
      route("GET", base, "bot", major, scoped(listCommands)),
      route("PUT", base, "bot", major, scoped(overwriteCommands)),
      route("POST", base, "bot", major, scoped(createCommand)),
      route("GET", `${base}/:command_id`, "bot", major, scoped(getCommand)),
      route("PATCH", `${base}/:command_id`, "bot", major, scoped(editCommand)),
      route("DELETE", `${base}/:command_id`, "bot", major, scoped(deleteCommand)),
    ];
  }),
];

type Scope = { applicationId: string; guildId: string | null; commands: Map<string, JsonObject> };
type ScopedHandler = (
  emulator: Emulator,
  req: ApiRequest,
  scope: Scope,
  params: Params,
) => ApiResponse;

/** Resolves the command set a route is about; another application's commands are off limits. */
function scoped(handler: ScopedHandler) {
  return (emulator: Emulator, req: ApiRequest, params: Params): ApiResponse => {
    const applicationId = param(params, "application_id");
    if (applicationId !== emulator.config.applicationId) return missingAccess();
    const guildId = params.guild_id ?? null;
    const key = guildId ?? "global";
    let commands = emulator.state.commands.get(key);
    if (!commands) {
      commands = new Map();
      emulator.state.commands.set(key, commands);
    }
    return handler(emulator, req, { applicationId, guildId, commands }, params);
  };
}

function listCommands(_emulator: Emulator, _req: ApiRequest, scope: Scope): ApiResponse {
  return jsonResponse(200, [...scope.commands.values()]);
}

/** PUT replaces the whole set; commands keep their id when their type and name stay. */
function overwriteCommands(emulator: Emulator, req: ApiRequest, scope: Scope): ApiResponse {
  const read = readJsonBody(req);
  if (!read.ok) return read.response;
  const errors = new FormErrors();
  if (!Array.isArray(read.value)) {
    errors.add([], { code: "BASE_TYPE_ARRAY", message: "Must be an array." });
    return errors.response();
  }
  validateCommands(read.value, errors);
  for (const [index, command] of read.value.entries())
    checkInstallTypes(emulator, command, [index], errors);
  if (!errors.empty) return errors.response();
  const stored = read.value.filter(isObject).map((command) => store(emulator, scope, command));
  scope.commands.clear();
  for (const command of stored) scope.commands.set(String(command.id), command);
  return jsonResponse(200, stored);
}

function createCommand(emulator: Emulator, req: ApiRequest, scope: Scope): ApiResponse {
  const read = readJsonObject(req);
  if (!read.ok) return read.response;
  const errors = new FormErrors();
  checkCommand(read.value, [], errors);
  checkInstallTypes(emulator, read.value, [], errors);
  if (!errors.empty) return errors.response();
  const existed = findByName(scope, read.value) !== undefined;
  const command = store(emulator, scope, read.value);
  scope.commands.set(String(command.id), command);
  return jsonResponse(existed ? 200 : 201, command);
}

function getCommand(
  _emulator: Emulator,
  _req: ApiRequest,
  scope: Scope,
  params: Params,
): ApiResponse {
  const command = scope.commands.get(param(params, "command_id"));
  return command ? jsonResponse(200, command) : unknownCommand();
}

function editCommand(
  emulator: Emulator,
  req: ApiRequest,
  scope: Scope,
  params: Params,
): ApiResponse {
  const id = param(params, "command_id");
  const current = scope.commands.get(id);
  if (!current) return unknownCommand();
  const read = readJsonObject(req);
  if (!read.ok) return read.response;
  const merged = { ...current, ...read.value };
  const errors = new FormErrors();
  checkCommand(merged, [], errors);
  checkInstallTypes(emulator, merged, [], errors);
  if (!errors.empty) return errors.response();
  const command = commandJson(merged, { ...ids(scope, id), version: emulator.state.nextId() });
  scope.commands.set(id, command);
  return jsonResponse(200, command);
}

function deleteCommand(
  _emulator: Emulator,
  _req: ApiRequest,
  scope: Scope,
  params: Params,
): ApiResponse {
  return scope.commands.delete(param(params, "command_id")) ? noContent() : unknownCommand();
}

function store(emulator: Emulator, scope: Scope, command: JsonObject): JsonObject {
  const id = findByName(scope, command)?.id;
  return commandJson(command, {
    ...ids(scope, typeof id === "string" ? id : emulator.state.nextId()),
    version: emulator.state.nextId(),
  });
}

function ids(scope: Scope, id: string) {
  return { id, applicationId: scope.applicationId, guildId: scope.guildId };
}

function findByName(scope: Scope, command: JsonObject): JsonObject | undefined {
  const type = command.type ?? 1;
  return [...scope.commands.values()].find((c) => c.name === command.name && c.type === type);
}

/** Discord refuses install types and contexts the application does not support. */
function checkInstallTypes(
  emulator: Emulator,
  command: unknown,
  path: (string | number)[],
  errors: FormErrors,
): void {
  if (!isObject(command)) return;
  for (const { field, error } of unsupportedInstallFields(
    command,
    emulator.state.profile.installTypes,
  ))
    errors.add([...path, field], error);
}
