"use client";

import { CheckboxField, FieldGroup, TextField } from "./fields";

/** The LDAP part of the source form (names under config.* and secrets.*). */
export function LdapFields({ secretStored }: { secretStored: boolean }) {
  return (
    <>
      <FieldGroup legend="Connection">
        <TextField name="config.url" label="Server URL" required hint="ldap://host:389 or ldaps://host:636." placeholder="ldaps://ldap.example.com:636" />
        <TextField name="config.timeout_seconds" label="Timeout (seconds)" type="number" />
        <CheckboxField name="config.start_tls" label="Use StartTLS" hint="Upgrade an ldap:// connection to TLS before binding." />
        <TextField name="config.tls_ca" label="Trusted CA certificate (PEM)" multiline hint="Only for a private CA; leave empty to trust the system's CAs." />
      </FieldGroup>
      <FieldGroup legend="Search">
        <TextField name="config.bind_dn" label="Bind DN" hint="The service account that searches the directory." placeholder="cn=gatehouse,ou=services,dc=example,dc=com" />
        <TextField
          name="secrets.bind_password"
          label="Bind password"
          type="password"
          hint={secretStored ? "Stored. Leave empty to keep it; type a new one to replace it." : "Stored encrypted; never shown again."}
        />
        <TextField name="config.base_dn" label="Base DN" required placeholder="ou=people,dc=example,dc=com" />
        <TextField name="config.user_filter" label="User filter" hint="Combined with (username = login OR email = login); the login is escaped." />
      </FieldGroup>
      <FieldGroup legend="Attribute mapping">
        <TextField name="config.attr_username" label="Username attribute" required />
        <TextField name="config.attr_email" label="Email attribute" required />
        <TextField name="config.attr_name" label="Name attribute" />
        <TextField name="config.attr_first_name" label="First name attribute" />
        <TextField name="config.attr_last_name" label="Last name attribute" />
        <TextField name="config.attr_phone" label="Phone attribute" />
        <TextField name="config.attr_external_id" label="Stable id attribute" hint="entryUUID (OpenLDAP) or objectGUID (Active Directory); empty: the DN." />
      </FieldGroup>
    </>
  );
}
