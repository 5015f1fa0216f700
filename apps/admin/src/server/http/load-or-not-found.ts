// Pages: an ApiError answering 404 (not_found, tenant_not_found, webhook_not_found, …) from a loader becomes Next's 404 page; anything else bubbles
// to the segment's error boundary.
import { notFound } from "next/navigation";
import { isApiError } from "@repo/api-errors";

export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error) && error.status === 404) notFound();
    throw error;
  }
}
