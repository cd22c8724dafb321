/**
 * Every route module the emulator serves. One line per module, so adding one is a one-line change.
 */
import type { RouteModule } from "../types";
import { trackingFields } from "./trackingFields";

export const ROUTE_MODULES: RouteModule[] = [
  trackingFields,
];
