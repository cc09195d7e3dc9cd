// The Discord application behind the bot token: GET /applications/@me gives its id, its public
// key and the install types it supports; PATCH /applications/@me sets the interactions endpoint
// URL (Discord first sends it a signed PING and a forged request) and enables user install.
// Every failure is one line that says what to do.
export const GUILD_INSTALL = 0;
export const USER_INSTALL = 1;
export const DEVELOPER_PORTAL = "https://discord.com/developers/applications";

export interface DiscordApplication {
  id: string;
  /** The Ed25519 public key interactions are signed with (DISCORD_PUBLIC_KEY). */
  verifyKey: string;
  installTypes: ReadonlySet<number>;
  interactionsEndpointUrl: string | null;
}

export class DiscordSetupError extends Error {
  override readonly name = "DiscordSetupError";
}

interface ApplicationJson {
  id: string;
  verify_key: string;
  integration_types_config?: Record<string, unknown> | null;
  interactions_endpoint_url?: string | null;
}

export class ApplicationApi {
  private readonly apiBase: string;
  private readonly botToken: string;

  constructor(apiBase: string, botToken: string) {
    this.apiBase = apiBase;
    this.botToken = botToken;
  }

  async read(): Promise<DiscordApplication> {
    return toApplication(await this.call("GET"));
  }

  /** Discord validates the URL before saving it; a URL that fails is refused with 50035. */
  async setInteractionsEndpoint(app: DiscordApplication, url: string): Promise<DiscordApplication> {
    try {
      return toApplication(await this.call("PATCH", { interactions_endpoint_url: url }));
    } catch (error) {
      if (error instanceof DiscordSetupError && /interactions_endpoint_url/.test(error.message)) {
        throw new DiscordSetupError(
          `Discord could not verify ${url} (it must answer a signed PING and refuse a bad signature with 401): check that the bot there runs with DISCORD_PUBLIC_KEY=${app.verifyKey} and DISCORD_APPLICATION_ID=${app.id}`,
        );
      }
      throw error;
    }
  }

  async enableUserInstall(app: DiscordApplication): Promise<DiscordApplication> {
    const config = Object.fromEntries(
      [...app.installTypes, USER_INSTALL].map((type) => [String(type), {}]),
    );
    return toApplication(await this.call("PATCH", { integration_types_config: config }));
  }

  private async call(method: "GET" | "PATCH", body?: object): Promise<ApplicationJson> {
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}/applications/@me`, {
        method,
        headers: {
          authorization: `Bot ${this.botToken}`,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new DiscordSetupError(
        `Discord's API at ${this.apiBase} did not answer (${error instanceof Error ? error.message : String(error)}): check the network`,
      );
    }
    const text = await response.text();
    if (response.status === 401) {
      throw new DiscordSetupError(
        `Discord refused DISCORD_BOT_TOKEN (401): copy a fresh token from the Bot page of your application at ${DEVELOPER_PORTAL}`,
      );
    }
    if (!response.ok) {
      throw new DiscordSetupError(
        `${method} /applications/@me answered ${response.status}: ${text.slice(0, 300)}`,
      );
    }
    return JSON.parse(text) as ApplicationJson;
  }
}

function toApplication(json: ApplicationJson): DiscordApplication {
  return {
    id: json.id,
    verifyKey: json.verify_key,
    installTypes: new Set(Object.keys(json.integration_types_config ?? { 0: {} }).map(Number)),
    interactionsEndpointUrl: json.interactions_endpoint_url ?? null,
  };
}
