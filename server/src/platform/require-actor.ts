import type { FastifyRequest } from "fastify";
import type { Actor } from "./actor.ts";
import { AppError } from "./app-error.ts";

/** The signed-in actor of a route that is not public (the authentication hook has already checked it). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError("UNAUTHENTICATED");
  }
  return request.actor;
}
