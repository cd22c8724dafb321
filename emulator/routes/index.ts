/**
 * Every route module the emulator serves. One line per module, so adding one is a one-line change.
 */
import type { RouteModule } from "../types";
import { meetingRoutes } from "./meetings";
import { trackingFieldRoutes } from "./trackingFields";
import { h323Routes } from "./h323";
import { tspRoutes } from "./tsp";
import { sipTrunkRoutes } from "./sipTrunks";
import { internalNumberRoutes } from "./internalNumbers";
import { templateRoutes } from "./templates";
import { userRoutes } from "./users";
import { accountRoutes } from "./accounts";

export const ROUTE_MODULES: RouteModule[] = [
  meetingRoutes,
  trackingFieldRoutes,
  h323Routes,
  tspRoutes,
  sipTrunkRoutes,
  internalNumberRoutes,
  templateRoutes,
  userRoutes,
  accountRoutes,
];
