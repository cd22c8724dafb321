/**
 * The lookups: Pulumi functions that find the ids a program needs (`zoom.getUser`, `zoom.getSipTrunk`, ...),
 * each a declaration (one file each) run by one mechanism (run.ts), in a Promise and an Output form.
 */
import type { LookupDefinition } from "./definition";
import { outputForm, promiseForm } from "./functions";
import { getMeetingTemplateDefinition, type GetMeetingTemplateArgs, type GetMeetingTemplateResult } from "./meetingTemplate";
import { getSipTrunkDefinition, getSipTrunksDefinition, type GetSipTrunkArgs, type GetSipTrunksArgs, type GetSipTrunksResult, type SipTrunkInfo } from "./sipTrunk";
import { getSubAccountDefinition, type GetSubAccountArgs, type GetSubAccountResult } from "./subAccount";
import { getTrackingFieldDefinition, type GetTrackingFieldArgs, type GetTrackingFieldResult } from "./trackingField";
import { getTspSettingsDefinition, type GetTspSettingsArgs, type GetTspSettingsResult } from "./tspSettings";
import { getUserDefinition, type GetUserArgs, type GetUserResult } from "./user";

/** Every lookup, in the order the docs list them. */
export const LOOKUPS: readonly LookupDefinition[] = [
  getUserDefinition,
  getSubAccountDefinition,
  getSipTrunksDefinition,
  getSipTrunkDefinition,
  getTrackingFieldDefinition,
  getMeetingTemplateDefinition,
  getTspSettingsDefinition,
] as readonly LookupDefinition[];

export function findLookup(name: string): LookupDefinition | undefined {
  return LOOKUPS.find((lookup) => lookup.name === name);
}

export const getUser = promiseForm<GetUserArgs, GetUserResult>(getUserDefinition);
export const getUserOutput = outputForm<GetUserArgs, GetUserResult>(getUserDefinition);
export const getSubAccount = promiseForm<GetSubAccountArgs, GetSubAccountResult>(getSubAccountDefinition);
export const getSubAccountOutput = outputForm<GetSubAccountArgs, GetSubAccountResult>(getSubAccountDefinition);
export const getSipTrunks = promiseForm<GetSipTrunksArgs, GetSipTrunksResult>(getSipTrunksDefinition);
export const getSipTrunksOutput = outputForm<GetSipTrunksArgs, GetSipTrunksResult>(getSipTrunksDefinition);
export const getSipTrunk = promiseForm<GetSipTrunkArgs, SipTrunkInfo>(getSipTrunkDefinition);
export const getSipTrunkOutput = outputForm<GetSipTrunkArgs, SipTrunkInfo>(getSipTrunkDefinition);
export const getTrackingField = promiseForm<GetTrackingFieldArgs, GetTrackingFieldResult>(getTrackingFieldDefinition);
export const getTrackingFieldOutput = outputForm<GetTrackingFieldArgs, GetTrackingFieldResult>(getTrackingFieldDefinition);
export const getMeetingTemplate = promiseForm<GetMeetingTemplateArgs, GetMeetingTemplateResult>(getMeetingTemplateDefinition);
export const getMeetingTemplateOutput = outputForm<GetMeetingTemplateArgs, GetMeetingTemplateResult>(getMeetingTemplateDefinition);
export const getTspSettings = promiseForm<GetTspSettingsArgs, GetTspSettingsResult>(getTspSettingsDefinition);
export const getTspSettingsOutput = outputForm<GetTspSettingsArgs, GetTspSettingsResult>(getTspSettingsDefinition);

export { ZoomLookupError } from "./errors";
export type { LookupDefinition } from "./definition";
export type {
  GetUserArgs,
  GetUserResult,
  GetSubAccountArgs,
  GetSubAccountResult,
  GetSipTrunksArgs,
  GetSipTrunksResult,
  GetSipTrunkArgs,
  SipTrunkInfo,
  GetTrackingFieldArgs,
  GetTrackingFieldResult,
  GetMeetingTemplateArgs,
  GetMeetingTemplateResult,
  GetTspSettingsArgs,
  GetTspSettingsResult,
};
export type { TspAccountInfo, TspDialInNumber } from "./tspSettings";
