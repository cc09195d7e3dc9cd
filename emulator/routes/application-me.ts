// GET /applications/@me and PATCH /applications/@me: the application behind the bot token. A new
// interactions endpoint URL is saved only after it answers Discord's validation requests.
import {
  applicationJson,
  endpointAnswersLikeABot,
  readInstallTypes,
} from "../application-profile.ts";
import type { Emulator } from "../context.ts";
import { FormErrors } from "../form-errors.ts";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http-types.ts";
import { readJsonObject } from "../request-body.ts";
import { route } from "../router.ts";

const ENDPOINT_NOT_VERIFIED = {
  code: "APPLICATION_INTERACTIONS_ENDPOINT_URL_INVALID",
  message: "The specified interactions endpoint url could not be verified.",
};

export const applicationMeRoutes = [
  route("GET", "/applications/@me", "bot", [], (e) => jsonResponse(200, applicationJson(e))),
  route("PATCH", "/applications/@me", "bot", [], editApplication),
];

async function editApplication(emulator: Emulator, req: ApiRequest): Promise<ApiResponse> {
  const read = readJsonObject(req);
  if (!read.ok) return read.response;
  const errors = new FormErrors();
  const { profile } = emulator.state;
  let installTypes = profile.installTypes;
  if ("integration_types_config" in read.value) {
    const types = readInstallTypes(read.value.integration_types_config);
    if (types instanceof Set) installTypes = types;
    else errors.add(["integration_types_config"], types);
  }
  let endpoint = profile.interactionsEndpointUrl;
  if ("interactions_endpoint_url" in read.value) {
    const url = read.value.interactions_endpoint_url;
    if (url === null || url === "") endpoint = null;
    else if (typeof url === "string" && (await endpointAnswersLikeABot(emulator, url)))
      endpoint = url;
    else errors.add(["interactions_endpoint_url"], ENDPOINT_NOT_VERIFIED);
  }
  if (!errors.empty) return errors.response();
  profile.installTypes = installTypes;
  profile.interactionsEndpointUrl = endpoint;
  return jsonResponse(200, applicationJson(emulator));
}
