// Pages: an ApiError "not_found" from a loader becomes Next's 404 page; anything else bubbles
// to the segment's error boundary.
import { notFound } from "next/navigation";
import { isApiError } from "./api-error";

export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
