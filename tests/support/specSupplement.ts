/**
 * The three read-only operations of Zoom's Users and Accounts APIs that the lookups use (`users`, `user`,
 * `accounts`), as OpenAPI path items, for the conformance checks. ../shared/zoom-openapi holds only the Meetings
 * API's two documents, which do not describe them.
 *
 * TRANSCRIBED, not Zoom's documents: written by hand from Zoom's published Users API reference
 * (developers.zoom.us/docs/api/users/: "List users", "Get a user") and master-account Accounts API reference
 * ("List sub accounts"), keeping each operation's id, rate-limit label, the documented statuses and error codes,
 * and the answer fields the emulator gives with their documented types and enums (the references list many more
 * fields, all optional). Cross-checked against copies of Zoom's Users.json and Accounts.json in
 * github.com/herooftimeandspace/zoompy (src/tests/endpoints/accounts/Users.json,
 * src/tests/master_accounts/accounts/{Users,Accounts}.json at 7314fc0). Replace with Zoom's own documents when
 * they join ../shared/zoom-openapi: `loadZoomSpec` only adds these where a document lacks the path.
 */
const label = (category: string) =>
  `**[Rate Limit Label](https://developers.zoom.us/docs/api/rest/rate-limits/):** \`${category}\``;

const page = {
  next_page_token: { type: "string" },
  page_count: { type: "integer" },
  page_number: { type: "integer" },
  page_size: { type: "integer", maximum: 2000 },
  total_records: { type: "integer" },
};

/** Fields of a user that both answers share, with the reference's types. */
const userFields = {
  id: { type: "string" },
  email: { type: "string", format: "email" },
  first_name: { type: "string", maxLength: 64 },
  last_name: { type: "string", maxLength: 64 },
  display_name: { type: "string" },
  type: { type: "integer", enum: [1, 2, 4, 99] },
  status: { type: "string", enum: ["active", "inactive", "pending"] },
  verified: { type: "integer" },
  timezone: { type: "string" },
  role_id: { type: "string" },
  pmi: { type: "integer", format: "int64" },
  dept: { type: "string" },
};

const tooMany = { description: "**HTTP Status Code:** `429` <br>\n Too Many Requests." };

/**
 * A GET path item as Zoom's reference writes one: the operation id, its description ending in the rate-limit
 * label, the JSON object answered (its `required` and `properties`), the documented errors, and the 429.
 */
function readOperation(
  operation: { readonly id: string; readonly description: string; readonly category: string },
  answer: { readonly description: string; readonly required?: readonly string[]; readonly properties: object },
  errors: Readonly<Record<string, { readonly description: string }>> = {},
) {
  const { description, ...schema } = answer;
  const ok = { description, content: { "application/json": { schema: { type: "object", ...schema } } } };
  const about = `${operation.description}\n\n${label(operation.category)}`;
  return { get: { operationId: operation.id, description: about, responses: { "200": ok, ...errors, "429": tooMany } } };
}

const string = { type: "string" };

const listUsers = readOperation(
  { id: "users", description: "Retrieve a list your account's users.", category: "MEDIUM" },
  {
    description: "User list returned.",
    properties: { ...page, users: { type: "array", maxItems: 2000, items: { type: "object", required: ["email", "type"], properties: userFields } } },
  },
);

const getUser = readOperation(
  { id: "user", description: "View a user's information on a Zoom account.", category: "LIGHT" },
  { description: "User object returned.", required: ["type"], properties: { ...userFields, account_id: string, role_name: string } },
  {
    "400": { description: "**HTTP Status Code:** `400` <br>\n Bad Request \n\n **Error Code:** `1120` <br>\n A valid invitation to join the Zoom account was not found for this user." },
    "404": { description: "**HTTP Status Code:** `404` <br>\n Not Found \n\n **Error Code:** `1001` <br>\n User does not exist: $userId." },
  },
);

/** A sub-account as the master account's list shows it. */
const subAccount = {
  type: "object",
  properties: { id: string, account_name: string, owner_email: string, account_type: string, account_number: { type: "number" }, seats: { type: "integer" }, created_at: { type: "string", format: "date-time" } },
};

const listSubAccounts = readOperation(
  { id: "accounts", description: "List all the sub accounts under the master account.", category: "MEDIUM" },
  { description: "Account list returned.", properties: { ...page, page_size: { type: "integer", maximum: 300 }, accounts: { type: "array", items: subAccount } } },
);

/**
 * Path items by document. `/accounts` is in Zoom's master-account reference; it is filed under the plain document
 * here because the checker picks the document by the `/accounts/` prefix, which this path has not.
 */
export const SPEC_SUPPLEMENT = {
  plain: { "/users": listUsers, "/users/{userId}": getUser, "/accounts": listSubAccounts },
  master: { "/accounts/{accountId}/users": listUsers, "/accounts/{accountId}/users/{userId}": getUser },
} as const;
