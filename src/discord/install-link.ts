import { Permission } from "./constants.ts";

// What a server must grant the bot, each permission with the reason it is needed. Installing
// with `applications.commands` alone makes the commands appear, but the bot is then not in the
// server: it cannot post the handoff message or the result after Discord's 15-minute window,
// and every long run ends orphaned. The `bot` scope with these permissions avoids that.

export const BOT_PERMISSIONS = [
  {
    name: "View Channel",
    bit: Permission.ViewChannel,
    why: "see the channel a command was used in, to post there",
  },
  {
    name: "Send Messages",
    bit: Permission.SendMessages,
    why: "post progress and the result after the 15-minute reply window closes",
  },
  {
    name: "Embed Links",
    bit: Permission.EmbedLinks,
    why: "show the result as an embed (summary, figures, findings)",
  },
  {
    name: "Attach Files",
    bit: Permission.AttachFiles,
    why: "attach report.md and result.json to the result",
  },
  {
    name: "Manage Webhooks",
    bit: Permission.ManageWebhooks,
    why: "create one webhook per channel that carries progress and results past 15 minutes (without it, plain bot messages are used)",
  },
] as const;

export const INSTALL_SCOPES = ["bot", "applications.commands"] as const;

/** The permission integer the install URL asks for: the sum of BOT_PERMISSIONS. */
export function botPermissionBits(): bigint {
  return BOT_PERMISSIONS.reduce((sum, permission) => sum | permission.bit, 0n);
}

/** Discord's authorization URL that adds the bot to a server with exactly what it needs. */
export function installUrl(applicationId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", applicationId);
  url.searchParams.set("scope", INSTALL_SCOPES.join(" "));
  url.searchParams.set("permissions", botPermissionBits().toString());
  url.searchParams.set("integration_type", "0");
  return url.toString();
}

/** Discord's authorization URL that adds the commands to a user's account (user install). */
export function userInstallUrl(applicationId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", applicationId);
  url.searchParams.set("scope", "applications.commands");
  url.searchParams.set("integration_type", "1");
  return url.toString();
}

/** The text `npm run invite` prints: the URL, then each permission with why. */
export function inviteText(applicationId: string): string {
  return [
    "Add the bot to a server with this URL (scopes: bot applications.commands):",
    "",
    `  ${installUrl(applicationId)}`,
    "",
    `Permissions (integer ${botPermissionBits()}):`,
    ...BOT_PERMISSIONS.map((p) => `  - ${p.name}: ${p.why}`),
    "",
    "Without the bot scope the commands still appear, but runs longer than 15 minutes cannot",
    "post their result in the channel; it then waits for /retrieve_results.",
  ].join("\n");
}
