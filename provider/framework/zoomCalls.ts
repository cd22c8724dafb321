/**
 * The provider's requests to Zoom for one resource kind: read (by id, or found in a cached list), one create
 * attempt, update and delete, each with the definition's answers to Zoom's errors ("gone", explained refusals).
 */
import { OPERATIONS } from "../../catalogue/operations";
import { ZoomApiError, ZoomOutcomeUnknownError } from "../client/errors";
import { idOf, labelled, requireIdentity } from "./answers";
import { isPlainObject, toZoom } from "./case";
import type { ObjectRef, OperationContext, ResourceDefinition, ZoomObject } from "./definition";
import { explain, isGone } from "./errors";
import { shownId } from "./ids";
import { listCacheFor } from "./listCache";
import { parsePath, pickPaths } from "./paths";
import type { PropertyClasses } from "./propertyClasses";
import { currentClient } from "./runtime";
import type { UserProps } from "./state";
import { withPartners, type TogetherRule } from "./sendTogether";
import { widenToWholeObjects } from "./wholeObjects";

/** What one create attempt learned: Zoom's id of the object, and the object itself when the answer holds it. */
export interface Created {
  readonly zoomId: string;
  readonly answer?: ZoomObject;
}

type DeleteRequest = Extract<ResourceDefinition["delete"], { readonly operation: unknown }>;

/** The context of one operation: the configured client, the label its errors start with, the shared list cache. */
export function operationContext(label: string): OperationContext {
  const client = currentClient();
  return {
    client,
    label,
    lists: listCacheFor(client),
    warn: (message) => console.error(`warning: ${label}: ${message}`),
  };
}

/**
 * Updating an object Zoom no longer has: it was deleted outside Pulumi (the web portal, another tool). The
 * update cannot bring it back, a refresh drops it from state and the next up recreates it: say so, with
 * Zoom's own answer when there was one, instead of a bare "does not exist".
 */
export function deletedOutsidePulumi(label: string, id: string, zoom?: unknown): Error {
  const said = zoom instanceof ZoomApiError ? ` (Zoom ${zoom.status}${zoom.zoomCode !== undefined ? ` code ${zoom.zoomCode}` : ""}: ${zoom.zoomMessage})` : "";
  return new Error(
    `${label}: ${shownId(id)} was deleted outside Pulumi, so it cannot be updated${said}; ` +
      `\`pulumi refresh\` (or \`pulumi up --refresh\`) drops it from the state, and the up recreates it as declared`,
    zoom === undefined ? undefined : { cause: zoom },
  );
}

/**
 * The snake_case body of the declared `bodyKeys`, restricted to `paths` when given, with the partners the
 * definition's `sendTogether` rules call for.
 */
function zoomBody(inputs: UserProps, bodyKeys: readonly string[], together: Together, paths?: readonly string[]): ZoomObject {
  const live: UserProps = {};
  for (const key of bodyKeys) if (inputs[key] !== undefined) live[key] = inputs[key];
  const selected = paths ? pickPaths(live, paths.map(parsePath)) : live;
  return toZoom(together.rules.length === 0 ? selected : withPartners(selected, live, together.rules, together.wholeObjects)) as ZoomObject;
}

interface Together {
  readonly rules: readonly TogetherRule[];
  readonly wholeObjects: readonly string[];
}

export class ZoomCalls {
  private readonly together: Together;

  constructor(
    private readonly definition: ResourceDefinition,
    private readonly classes: PropertyClasses,
  ) {
    this.together = { rules: definition.sendTogether ?? [], wholeObjects: classes.wholeObjects };
  }

  /** The live object, or undefined when Zoom says it is gone. */
  async read(ctx: OperationContext, ref: ObjectRef, inputs: UserProps): Promise<ZoomObject | undefined> {
    const { definition } = this;
    const read = definition.read;
    if (read.kind === "get") {
      try {
        const response = await ctx.client.request<ZoomObject>({
          operation: read.operation,
          pathParams: read.pathParams(ref),
          query: read.query?.(ref, inputs),
          accountId: ref.accountId,
          context: ctx.label,
        });
        if (!isPlainObject(response.data)) {
          throw new Error(`${ctx.label}: Zoom answered ${response.status} without the object's JSON`);
        }
        // An answer without the object's id (or with another's) is not this object: an error, never state.
        return requireIdentity(response.data, ref.zoomId, read.operation);
      } catch (error) {
        if (isGone(error, definition.goneCodes, definition.goneErrors)) return undefined;
        throw labelled(explain(error, "read", definition.errors, inputs, ctx.label), ctx.label);
      }
    }
    try {
      const request = {
        operation: read.operation,
        accountId: ref.accountId,
        pathParams: read.pathParams?.(ref),
        itemsKey: read.itemsKey,
        paginated: read.paginated,
      };
      const asked = Date.now();
      const found = read.find(await ctx.lists.all(request), ref, inputs);
      if (found) return found;
      // Missing from a sweep that may predate the object (made since in the portal, or by another stack):
      // "gone" would drop it from state, so only a sweep started after we asked may say so. When the first
      // sweep already started after `asked`, this reuses it without another request.
      return read.find(await ctx.lists.all(request, { sweptSince: asked }), ref, inputs);
    } catch (error) {
      if (isGone(error, definition.goneCodes, definition.goneErrors)) return undefined;
      // A sweep is shared by concurrent readers, so its errors carry no resource: say which one asked.
      throw labelled(explain(error, "read", definition.errors, inputs, ctx.label), ctx.label);
    }
  }

  /** Forgets cached lists that hold the object, after a write. */
  invalidateLists(ctx: OperationContext, ref: ObjectRef): void {
    const read = this.definition.read;
    if (read.kind === "list") {
      ctx.lists.invalidate({ operation: read.operation, accountId: ref.accountId, pathParams: read.pathParams?.(ref) });
    }
  }

  /**
   * One create request. An answer that does not say what Zoom made is a ZoomOutcomeUnknownError, as a lost
   * answer is (create recovery looks for the object); errors are Zoom's, unexplained.
   */
  async createOnce(ctx: OperationContext, inputs: UserProps): Promise<Created> {
    const create = this.definition.create;
    const created = this.classes.created;
    const response = await ctx.client.request<ZoomObject>({
      operation: create.operation,
      pathParams: create.pathParams?.(inputs),
      accountId: typeof inputs.accountId === "string" ? inputs.accountId : undefined,
      body: create.body ? create.body(zoomBody(inputs, created, this.together), inputs) : zoomBody(inputs, created, this.together),
      context: ctx.label,
    });
    // Without the object in the answer, an answer without JSON is fine when the id comes from the inputs
    // (Zoom documents the SIP trunk assignment both as 201 with a body and as 204).
    const data = isPlainObject(response.data) ? response.data : undefined;
    // Zoom said yes but its answer does not say what it made: as good as not knowing, so the object is looked
    // for (an error here would orphan it; a garbled id would put a wrong one in state).
    const unreadable = (why: string) =>
      new ZoomOutcomeUnknownError({
        operationId: create.operation,
        method: OPERATIONS[create.operation].method,
        pathTemplate: OPERATIONS[create.operation].path,
        context: ctx.label,
        reason: `Zoom ${response.status} ${why}`,
        status: response.status,
      });
    if (!data && create.answerIsObject) throw unreadable("without the created object's JSON");
    const zoomId = create.zoomId ? create.zoomId(data ?? {}, inputs) : idOf(data);
    if (!zoomId) throw unreadable("without a usable id of the created object");
    if (!data || !create.answerIsObject) return { zoomId };
    const answer = create.answerObject ? create.answerObject(data) : data;
    // Without the object where it should be, the framework reads it back rather than failing the create.
    return { zoomId, answer: isPlainObject(answer) ? answer : undefined };
  }

  /**
   * Sends the update of `changedLive` paths, each widened to the object Zoom validates whole around it (or of
   * every live property, where Zoom wants the whole resource), with the partners Zoom needs alongside them
   * (`sendTogether`).
   * An object Zoom no longer has fails saying it was deleted outside Pulumi.
   */
  async update(ctx: OperationContext, ref: ObjectRef, id: string, sent: UserProps, changedLive: readonly string[], inputs: UserProps): Promise<void> {
    const { definition } = this;
    const update = definition.update;
    if (update === "replace") throw new Error(`${ctx.label}: Zoom cannot update a ${definition.kind} in place; this change needs a replacement`);
    const live = this.classes.live;
    const body =
      update.body === "full"
        ? zoomBody(sent, live, this.together)
        : zoomBody(sent, live, this.together, widenToWholeObjects(changedLive, this.classes.wholeObjects));
    try {
      await ctx.client.request({
        operation: update.operation,
        pathParams: update.pathParams(ref),
        accountId: ref.accountId,
        body: update.shapeBody ? update.shapeBody(body, sent) : body,
        context: ctx.label,
      });
    } catch (error) {
      if (isGone(error, definition.goneCodes, definition.goneErrors) || (await this.goneAfterRefusal(ctx, ref, inputs, error))) {
        throw deletedOutsidePulumi(ctx.label, id, error);
      }
      throw explain(error, "update", definition.errors, inputs, ctx.label);
    } finally {
      this.invalidateLists(ctx, ref);
    }
  }

  /** Deletes the object (after the definition's `beforeDelete`); "gone" when Zoom no longer had it. */
  async delete(ctx: OperationContext, spec: DeleteRequest, ref: ObjectRef, inputs: UserProps): Promise<"deleted" | "gone"> {
    const { definition } = this;
    try {
      await definition.hooks?.beforeDelete?.(ctx, ref, inputs);
      await ctx.client.request({
        operation: spec.operation,
        pathParams: spec.pathParams(ref),
        query: spec.query?.(inputs),
        accountId: ref.accountId,
        context: ctx.label,
      });
      return "deleted";
    } catch (error) {
      if (isGone(error, definition.goneCodes, definition.goneErrors)) return "gone";
      throw explain(error, "delete", definition.errors, inputs, ctx.label);
    } finally {
      this.invalidateLists(ctx, ref);
    }
  }

  /**
   * Some refusals do not say whether the object is gone (an internal number's update answers 400 code 2 "Your
   * request to update the internal number has failed." for a number that no longer exists): after a 4xx that
   * is not a known "gone", one read tells. A read that fails too leaves the refusal as it was.
   */
  private async goneAfterRefusal(ctx: OperationContext, ref: ObjectRef, inputs: UserProps, error: unknown): Promise<boolean> {
    if (!(error instanceof ZoomApiError) || error.status < 400 || error.status >= 500 || error.status === 429) return false;
    try {
      this.invalidateLists(ctx, ref);
      return (await this.read(ctx, ref, inputs)) === undefined;
    } catch {
      return false;
    }
  }
}
