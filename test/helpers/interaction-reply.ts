/** An interaction's HTTP answer as JSON, whether it came as JSON or multipart with files. */
export async function readReply<T>(response: Response): Promise<T> {
  if (!(response.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return (await response.json()) as T;
  const form = await response.formData();
  return JSON.parse(String(form.get("payload_json"))) as T;
}
