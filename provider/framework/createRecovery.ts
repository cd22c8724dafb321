/**
 * Creates that never make an object twice, and the ledger of which resource of this process holds which object.
 *
 * When the outcome of a create attempt is unknown (timeout, reset, 5xx after the request left, an answer that
 * does not say what was made), the resource's `findCreated` hook looks for the object before another attempt
 * is made; after a timeout, only once Zoom has had as long again to finish the request. The ledger keeps that
 * lookup from taking an object a concurrent create of this process made (createLedger.ts), and lets adoption
 * refuse an object another resource holds (adoption.ts).
 */
import { ZoomOutcomeUnknownError } from "../client/errors";
import { CreateLedger } from "./createLedger";
import type { ObjectRef, OperationContext, ResourceDefinition } from "./definition";
import { explain, LookupVerdict } from "./errors";
import { formatId, parseId, refOf } from "./ids";
import type { UserProps } from "./state";
import type { Created, ZoomCalls } from "./zoomCalls";

/** How many times a create whose outcome stayed unknown is attempted in all. */
const CREATE_ATTEMPTS = 3;
/**
 * The longest wait, after a create timed out, before looking for what it may have made. 15 s beyond a 30 s
 * response timeout is long for a Zoom create, and keeps a silent Zoom's failure (30 s + 15 s + the client's 5 s
 * probe, about 56 s from the first request as measured at the defaults with 20 s) under a minute.
 */
const TIMED_OUT_SETTLE_MAX_MS = 15_000;

export class CreateRecovery {
  /** Objects the creates of this process made or adopted, and those the deployment's resources hold. */
  readonly ledger = new CreateLedger();

  constructor(
    private readonly definition: ResourceDefinition,
    private readonly zoom: ZoomCalls,
  ) {}

  /**
   * The ledger's key for an object: its Pulumi id with the credentials' own account written one way (`me/x` and
   * `x` name one object), so that two resources cannot hold one object under two spellings of its id.
   */
  keyOf(ref: ObjectRef): string {
    return formatId(this.definition.idParts, ref.accountId === "me" ? { ...ref, accountId: undefined } : ref);
  }

  /** The ledger's key for a Pulumi id from state (as it is, when it does not parse). */
  keyOfId(id: string): string {
    const { definition } = this;
    try {
      return this.keyOf(parseId(definition.idParts, id, definition.kind, definition.accountIdRequired));
    } catch {
      return id;
    }
  }

  /** Creates the object for the resource named `holder`, never twice (see the module comment). */
  async create(ctx: OperationContext, inputs: UserProps, holder: string): Promise<Created> {
    const { definition, ledger } = this;
    /** The Pulumi id of an object these inputs would create: the key of its claim in the ledger. */
    const claimKey = (zoomId: string) => this.keyOf(refOf(inputs, zoomId));
    for (let attempt = 1; ; attempt++) {
      const since = new Date(Date.now() - 1000);
      try {
        return await ledger.attempt(async () => {
          const created = await this.zoom.createOnce(ctx, inputs);
          ledger.claim(claimKey(created.zoomId), holder);
          return created;
        });
      } catch (error) {
        const findCreated = definition.hooks?.findCreated;
        if (!(error instanceof ZoomOutcomeUnknownError) || !findCreated) {
          throw explain(error, "create", definition.errors, inputs, ctx.label);
        }
        if (error.timedOutAfterMs !== undefined) {
          // A timed-out request may still be at work in Zoom: a lookup now could miss an object that appears a
          // moment later, and the next attempt would make a second one. Give it as long again to land.
          const settleMs = Math.min(error.timedOutAfterMs, TIMED_OUT_SETTLE_MAX_MS);
          ctx.warn(`create attempt ${attempt} timed out; waiting ${Math.round(settleMs / 1000)} s for Zoom to finish it before looking for the object`);
          await new Promise((resolve) => setTimeout(resolve, settleMs));
        }
        const found = await lookUp(ctx, error, () =>
          ledger.lookup(async () => {
            const taken = (zoomId: string) => ledger.isClaimed(claimKey(zoomId));
            const zoomId = await findCreated({ ...ctx, taken }, inputs, since);
            if (zoomId === undefined) return undefined;
            if (!ledger.claim(claimKey(zoomId), holder)) {
              throw new LookupVerdict(
                `${ctx.label}: the outcome of the create is unknown, and the only matching object in Zoom (${claimKey(zoomId)}) belongs to another resource of this deployment; nothing was adopted or created again: run pulumi up again`,
              );
            }
            return zoomId;
          }),
        );
        if (found !== undefined) return { zoomId: found };
        if (attempt >= CREATE_ATTEMPTS) throw error;
        ctx.warn(`the outcome of create attempt ${attempt} is unknown and no such object exists; trying again`);
      }
    }
  }
}

/**
 * Runs the lookup after an unknown outcome. When the lookup itself fails (Zoom down, a garbled list), the
 * object may exist: say so, in the same words for every kind, naming the create operation (not the list the
 * lookup used, which the user never asked for) and both reasons. A LookupVerdict is the lookup's conclusion,
 * not a failure of it, and passes as it is.
 */
async function lookUp<T>(ctx: OperationContext, unknown: ZoomOutcomeUnknownError, find: () => Promise<T>): Promise<T> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof LookupVerdict) throw error;
    const raw = error instanceof Error ? error.message : String(error);
    const why = raw.startsWith(`${ctx.label}: `) ? raw.slice(ctx.label.length + 2) : raw;
    throw new Error(
      `${ctx.label}: create (${unknown.method} ${unknown.pathTemplate}) got no usable answer (${unknown.reason}), and looking for the object in Zoom failed (${why}); ` +
        `the create's outcome is unknown; check whether Zoom has it before running pulumi up again (if it does, adopt it instead of creating it again: set the resource's \`adoptId\` to its id, which \`pulumi-zoom import\` lists)`,
      { cause: error },
    );
  }
}
