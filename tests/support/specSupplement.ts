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
 * label, the JSON answer, the documented errors, and the 429.
 */
function readOperation(
  operationId: string,
  about: { readonly description: string; readonly category: string },
  answer: { readonly description: string; readonly schema: object },
  errors: Readonly<Record<string, { readonly description: string }>> = {},
) {
  const ok = { description: answer.description, content: { "application/json": { schema: answer.schema } } };
  return { get: { operationId, description: `${about.description}\n\n${label(about.category)}`, responses: { "200": ok, ...errors, "429": tooMany } } };
}

const listUsers = readOperation(
  "users",
  { description: "Retrieve a list your account's users.", category: "MEDIUM" },
  {
    description: "User list returned.",
    schema: {
      type: "object",
      properties: {
        ...page,
        users: { type: "array", maxItems: 2000, items: { type: "object", required: ["email", "type"], properties: userFields } },
      },
    },
  },
);

const getUser = readOperation(
  "user",
  { description: "View a user's information on a Zoom account.", category: "LIGHT" },
  {
    description: "User object returned.",
    schema: {
      type: "object",
      required: ["type"],
      properties: { ...userFields, account_id: { type: "string" }, role_name: { type: "string" } },
    },
  },
  {
    "400": { description: "**HTTP Status Code:** `400` <br>\n Bad Request \n\n **Error Code:** `1120` <br>\n A valid invitation to join the Zoom account was not found for this user." },
    "404": { description: "**HTTP Status Code:** `404` <br>\n Not Found \n\n **Error Code:** `1001` <br>\n User does not exist: $userId." },
  },
);

const listSubAccounts = readOperation(
  "accounts",
  { description: "List all the sub accounts under the master account.", category: "MEDIUM" },
  {
    description: "Account list returned.",
    schema: {
      type: "object",
      properties: {
        ...page,
        page_size: { type: "integer", maximum: 300 },
        accounts: {
          type: "array",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              account_name: { type: "string" },
              owner_email: { type: "string" },
              account_type: { type: "string" },
              account_number: { type: "number" },
              seats: { type: "integer" },
              created_at: { type: "string", format: "date-time" },
            },
          },
        },
      },
    },
  },
);

/**
 * Path items by document. `/accounts` is in Zoom's master-account reference; it is filed under the plain document
 * here because the checker picks the document by the `/accounts/` prefix, which this path has not.
 */
export const SPEC_SUPPLEMENT = {
  plain: { "/users": listUsers, "/users/{userId}": getUser, "/accounts": listSubAccounts },
  master: { "/accounts/{accountId}/users": listUsers, "/accounts/{accountId}/users/{userId}": getUser },
} as const;
