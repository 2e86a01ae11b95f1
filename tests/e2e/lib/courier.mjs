// Codes read back from the server's courier queue through the SDK's CourierApi (GET /admin/courier/messages).
// Subjects and bodies are shown only when the server runs with --dev, as in Kratos.
import assert from 'node:assert/strict';
import { Configuration, CourierApi } from '@ory/kratos-client-fetch';

export function courierApi(server) {
  return new CourierApi(new Configuration({ basePath: server.adminUrl }));
}

/** The messages queued for `recipient`, newest first; `templateType` filters. */
export async function messagesTo(courier, recipient, templateType) {
  const all = await courier.listCourierMessages({ recipient });
  return all
    .filter((m) => templateType === undefined || m.template_type === templateType)
    .sort((a, b) => new Date(b.created_at) - new Date(a.created_at));
}

/** The 6-digit code of the newest message to `recipient` (of `templateType`); returns { code, message, count }. */
export async function latestCode(courier, recipient, templateType) {
  const messages = await messagesTo(courier, recipient, templateType);
  assert.ok(messages.length > 0, `a ${templateType ?? ''} message was queued for ${recipient}`);
  const match = /(?<![0-9])[0-9]{6}(?![0-9])/.exec(`${messages[0].subject}\n${messages[0].body}`);
  assert.ok(match, `the message carries a 6-digit code: ${messages[0].subject}`);
  return { code: match[0], message: messages[0], count: messages.length };
}
