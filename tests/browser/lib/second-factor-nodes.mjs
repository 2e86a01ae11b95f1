// The `totp` and `lookup_secret` nodes Kratos puts into settings and aal2 login flows, written out from Kratos's node
// snapshots (selfservice/strategy/{totp,lookup}/.snapshots) and API_CONTRACT_STRATEGIES.md §2.2/§2.3/§3.2/§3.3. The
// parts that differ per flow (QR image, secret, codes) are arguments, so a flow is compared whole, node by node.
// Nodes are keyed by name (inputs) or id (img, text) within their group, never by position: the order is another
// test's concern.
import assert from 'node:assert/strict';

const info = (id, text, context) => ({ id, text, type: 'info', ...(context && { context }) });
const node = (type, group, attributes, label) => ({ type, group, attributes, messages: [], meta: label ? { label } : {} });
const input = (group, name, type, { value, required, label }) =>
  node('input', group, { name, type, ...(value !== undefined && { value }), ...(required && { required: true }), disabled: false, node_type: 'input' }, label);
const submit = (group, name, value, label, { required } = {}) => input(group, name, 'submit', { value, required, label });

/** Settings, no authenticator app linked yet (snapshot "device setup is available when identity has no totp yet"). */
export const settingsTotpSetup = ({ qrSrc, secret }) => ({
  totp_qr: node('img', 'totp', { id: 'totp_qr', src: qrSrc, width: 256, height: 256, node_type: 'img' }, info(1050005, 'Authenticator app QR code')),
  totp_secret_key: node(
    'text',
    'totp',
    { id: 'totp_secret_key', text: info(1050006, secret, { secret }), node_type: 'text' },
    info(1050017, 'This is your authenticator app secret. Use it if you can not scan the QR code.'),
  ),
  totp_code: input('totp', 'totp_code', 'text', { required: true, label: info(1070006, 'Verify code') }),
  method: submit('totp', 'method', 'totp', info(1070003, 'Save')),
});

/** Settings with an app linked (snapshot "device unlinking is available when identity has totp"). */
export const settingsTotpLinked = () => ({
  totp_unlink: submit('totp', 'totp_unlink', 'true', info(1050004, 'Unlink TOTP Authenticator App'), { required: true }),
});

const lookupButton = (name, label) => submit('lookup_secret', name, 'true', label);
const regenerate = () => lookupButton('lookup_secret_regenerate', info(1050008, 'Generate new backup recovery codes'));
const disable = () => lookupButton('lookup_secret_disable', info(1050016, 'Disable this method'));

/** Settings, no backup codes yet (snapshot "button for regeneration is displayed when identity has no recovery codes yet"). */
export const settingsLookupNone = () => ({ lookup_secret_regenerate: regenerate() });

/** Settings with backup codes (snapshot "hide recovery codes behind reveal button and show disable button"). */
export const settingsLookupExisting = () => ({
  lookup_secret_reveal: lookupButton('lookup_secret_reveal', info(1050007, 'Reveal backup recovery codes')),
  lookup_secret_disable: disable(),
});

/** The text node listing codes: 1050015 joins the per-code texts with ", "; `secrets` are the per-code messages. */
const codesNode = (texts, secrets) =>
  node(
    'text',
    'lookup_secret',
    { id: 'lookup_secret_codes', text: info(1050015, texts.join(', '), { secrets }), node_type: 'text' },
    info(1050010, 'These are your back up recovery codes. Please keep them in a safe place!'),
  );

/** One code's message in the list (1050009, the code in `context.secret`). */
export const codeMessage = (code) => info(1050009, code, { secret: code });

/** A used code's message in the list (1050014 with Go's time format; the snapshot of "regenerate but no confirmation"). */
export const usedCodeMessage = (usedAt) => {
  const iso = new Date(usedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const goText = `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
  return info(1050014, `Secret was used at ${goText}`, { used_at: iso, used_at_unix: Math.floor(Date.parse(iso) / 1000) });
};

/** After "Generate new backup recovery codes": the new codes and the confirm button (§3.2, `continueSettingsFlowRegenerate`). */
export const settingsLookupRegenerated = (codes) => ({
  lookup_secret_codes: codesNode(codes, codes.map(codeMessage)),
  lookup_secret_confirm: lookupButton('lookup_secret_confirm', info(1050011, 'Confirm backup recovery codes')),
});

/** After "Reveal backup recovery codes": the list (texts and per-code messages given), then disable and regenerate (§3.2). */
export const settingsLookupRevealed = (texts, secrets) => ({
  lookup_secret_codes: codesNode(texts, secrets),
  lookup_secret_disable: disable(),
  lookup_secret_regenerate: regenerate(),
});

/** aal2 login for an identity with TOTP (snapshot "totp payload is set when identity has totp"). */
export const loginTotp = () => ({
  totp_code: input('totp', 'totp_code', 'text', { value: '', required: true, label: info(1010006, 'Authentication code') }),
  method: submit('totp', 'method', 'totp', info(1010009, 'Use Authenticator')),
});

/** aal2 login for an identity with backup codes (snapshot "lookup payload is set when identity has lookup"). */
export const loginLookup = () => ({
  lookup_secret: input('lookup_secret', 'lookup_secret', 'text', { value: '', required: true, label: info(1010007, 'Backup recovery code') }),
  method: submit('lookup_secret', 'method', 'lookup_secret', info(1010010, 'Use backup recovery code')),
});

/** The CSRF node every browser flow carries (group default); its value is the flow's token. */
export const csrfNode = (value) => input('default', 'csrf_token', 'hidden', { value, required: true });

/** The nodes of one group keyed by name or id; fails on two nodes with one key. */
export function groupNodes(flow, group) {
  const out = {};
  for (const n of flow.ui.nodes.filter((x) => x.group === group)) {
    const key = n.attributes.name ?? n.attributes.id;
    assert.ok(!(key in out), `two ${group} nodes named ${key} in ${JSON.stringify(flow.ui.nodes)}`);
    out[key] = n;
  }
  return out;
}

/** Asserts that a group's nodes are exactly `expected`: no node more, none less, each one equal in every field. */
export function assertGroup(flow, group, expected, what) {
  assert.deepEqual(groupNodes(flow, group), expected, `${what}: the ${group} nodes are Kratos's`);
}
