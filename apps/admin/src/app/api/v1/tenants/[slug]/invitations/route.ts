// GET /api/v1/tenants/:slug/invitations  ·  POST { email, roles } → 201 { id, email, roles, expiresAt, status, emailSent }
// Operators invite into any tenant with any of its roles; the mail links to the tenant's own host.
import { createInvitation, createInvitationSchema, listInvitations, tenantOrigin } from "@repo/auth/identity";
import { loadAdminEnv } from "@/env";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";
import { getIdentitySettings, getMailer } from "@/server/admin-root";
import { appendEvent } from "@repo/webhooks/events";
import { requestRelay } from "@/server/events/request-relay";
import { toOperatorEventActor } from "@/server/events/operator-event-actor";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = withOperator<Params>(
  async (_request, { params }) => {
    const { db } = await openTenantDbOrThrow(params.slug);
    return jsonOk({ invitations: await listInvitations(db) });
  },
  { scope: "read" },
);

export const POST = withOperator<Params>(
  async (request, { params, operator, audit }) => {
    const input = parseInputOrThrow(createInvitationSchema, await readJsonBodyOrThrow(request));
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = input.email;
    const settings = getIdentitySettings();
    const { invitation, emailSent } = await createInvitation(db, {
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      actor: { kind: "operator", operatorId: operator.operatorId },
      input,
      ttlDays: settings.invitationTtlDays,
      link: { origin: tenantOrigin(tenant.slug, loadAdminEnv().ROOT_DOMAIN, settings.secureLinks) },
      mailer: getMailer(),
      // `invitation.created` commits with the invitation (tenant DB); the worker is poked after.
      inTransaction: async (tx, created) => {
        await appendEvent(tx, {
          type: "invitation.created",
          data: {
            invitation: { id: created.id, email: created.email, roles: created.roles, expiresAt: created.expiresAt },
            actor: toOperatorEventActor(operator),
          },
        });
      },
    });
    requestRelay({ tenantId: tenant.id });
    audit.target = `invitation:${invitation.id}`;
    audit.details = { email: invitation.email, roles: invitation.roles, emailSent };
    return jsonOk({ ...invitation, emailSent }, 201);
  },
  { scope: "write", action: "invitation.create" },
);
