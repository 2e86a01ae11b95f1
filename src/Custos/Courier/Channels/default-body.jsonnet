// The request body of the courier's HTTP channels when request_config.body is not set.
function(ctx)
  local data = if std.objectHas(ctx, 'template_data') && std.isObject(ctx.template_data) then ctx.template_data else {};
  local field(name) = if std.objectHas(data, name) then data[name] else null;
  {
    recipient: ctx.recipient,
    template_type: ctx.template_type,
    to: field('to'),
    recovery_code: field('recovery_code'),
    recovery_url: field('recovery_url'),
    verification_url: field('verification_url'),
    verification_code: field('verification_code'),
    subject: ctx.subject,
    body: ctx.body,
  }
