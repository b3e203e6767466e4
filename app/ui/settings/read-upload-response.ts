/**
 * An upload route's answer as JSON, whatever came back: a body that is not JSON (a proxy's error
 * page, an empty 500) becomes `{ error }` naming the status, so the form says what happened instead
 * of blaming the connection.
 */
export async function readUploadResponse<T extends { error?: string }>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object") return value as T;
  } catch {
    // Not JSON: described by its status below.
  }
  return { error: statusMessage(response.status) } as T;
}

function statusMessage(status: number): string {
  if (status === 413) return "The file is larger than the server accepts.";
  if (status === 403) return "The server refused the upload.";
  if (status >= 500) return `The server failed while handling the file (HTTP ${status}).`;
  return `The server answered HTTP ${status} without saying why.`;
}
