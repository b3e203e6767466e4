import { readKatexAsset } from "@/app/lib/downloads/katex-asset";

export const dynamic = "force-dynamic";

/** `/katex/<version>/katex.min.css` and its fonts, for cards that hold math (see katex-asset.ts). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ path: string[] }> },
): Promise<Response> {
  const asset = await readKatexAsset((await params).path);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(asset.bytes), {
    headers: {
      "Content-Type": asset.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
