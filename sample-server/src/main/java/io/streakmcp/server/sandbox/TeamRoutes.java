package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The user, the team and its members, and the team's contacts and organisations. */
final class TeamRoutes {
  /** Contact properties a create or update writes as given. */
  private static final List<String> CONTACT_TEXT =
      List.of(
          "givenName",
          "familyName",
          "title",
          "other",
          "twitterHandle",
          "facebookHandle",
          "linkedinHandle",
          "instagramHandle",
          "photoUrl");

  private static final List<String> CONTACT_LISTS =
      List.of("emailAddresses", "phoneNumbers", "addresses", "domains");

  private static final List<String> ORG_TEXT =
      List.of(
          "name",
          "other",
          "industry",
          "employeeCount",
          "logoURL",
          "twitterHandle",
          "facebookHandle",
          "linkedinHandle",
          "instagramHandle");

  private static final List<String> ORG_LISTS = List.of("domains", "phoneNumbers", "addresses");

  /** Lists that only an update may set (links replace the existing set). */
  private static final List<String> LINKS = List.of("contactLinks", "orgLinks");

  private final Crm crm;

  TeamRoutes(Crm crm) {
    this.crm = crm;
  }

  void register(Router r) {
    r.add("GET", "/v1/users/me", c -> crm.user(crm.me).deepCopy())
        .add("GET", "/v1/users/{userKey}", c -> crm.user(c.key("userKey")).deepCopy())
        .add("GET", "/v2/users/me/teams", c -> Pages.pageLimit(c, myTeams(), 100))
        .add("GET", "/v2/teams/{teamKey}", c -> crm.team(c.key("teamKey")).deepCopy())
        .add("GET", "/v2/teams/{teamKey}/users", this::teamUsers)
        .add("GET", "/v2/teams/{teamKey}/contacts", this::listContacts)
        .add("POST", "/v2/teams/{teamKey}/contacts", this::createContact)
        .add("GET", "/v2/contacts/{contactKey}", c -> crm.contact(c.key("contactKey")).deepCopy())
        .add("POST", "/v2/contacts/{contactKey}", this::updateContact)
        .add(
            "DELETE",
            "/v2/contacts/{contactKey}",
            c -> delete(crm.contacts, crm.contact(c.key("contactKey")), "contact"))
        .add("GET", "/v2/teams/{teamKey}/organizations", this::listOrganizations)
        .add("POST", "/v2/teams/{teamKey}/organizations", this::createOrganization)
        .add(
            "GET",
            "/v2/organizations/{organizationKey}",
            c -> crm.organization(c.key("organizationKey")).deepCopy())
        .add("POST", "/v2/organizations/{organizationKey}", this::updateOrganization)
        .add(
            "DELETE",
            "/v2/organizations/{organizationKey}",
            c ->
                delete(
                    crm.organizations, crm.organization(c.key("organizationKey")), "organization"));
  }

  private List<ObjectNode> myTeams() {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode t : crm.teams.values()) {
      for (JsonNode m : t.path("members")) {
        if (m.path("userKey").asString().equals(crm.me)) {
          out.add(t.deepCopy());
        }
      }
    }
    java.util.Collections.reverse(out); // newest first, as Streak lists them
    return out;
  }

  private Object teamUsers(Call c) {
    ObjectNode team = crm.team(c.key("teamKey"));
    List<ObjectNode> users = new ArrayList<>();
    team.path("members").forEach(m -> users.add(crm.user(m.path("userKey").asString()).deepCopy()));
    ObjectNode out = Json.object();
    out.set("results", Pages.array(users));
    out.put("hasNextPage", false);
    return out;
  }

  // ---- contacts ----

  private Object listContacts(Call c) {
    String teamKey = crm.team(c.key("teamKey")).path("key").asString();
    String after = c.query("after");
    long afterMillis;
    try {
      afterMillis = after == null ? Long.MIN_VALUE : Long.parseLong(after) * 1000;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("after must be epoch seconds, got " + after);
    }
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode ct : crm.contacts.values()) {
      if (ct.path("teamKey").asString().equals(teamKey)
          && ct.path("lastSavedTimestamp").asLong() >= afterMillis) {
        found.add(ct.deepCopy());
      }
    }
    return Pages.cursor(c, found);
  }

  private Object createContact(Call c) {
    String teamKey = crm.team(c.key("teamKey")).path("key").asString();
    ObjectNode contact = Json.object();
    write(contact, c.object(), CONTACT_TEXT, CONTACT_LISTS, List.of());
    boolean named =
        !contact.path("givenName").asString("").isBlank()
            || !contact.path("familyName").asString("").isBlank();
    if (!named && contact.path("emailAddresses").isEmpty()) {
      throw ApiError.badRequest("a contact needs a givenName, a familyName or an email address");
    }
    ObjectNode existing =
        c.queryFlag("getIfExisting") ? sharing(crm.contacts, contact, "emailAddresses") : null;
    return existing != null ? existing.deepCopy() : newContact(teamKey, contact).deepCopy();
  }

  /** Stores a contact of the team; the seed makes its contacts through this too. */
  ObjectNode newContact(String teamKey, ObjectNode contact) {
    return store(crm.contacts, "Contact", teamKey, contact, CONTACT_LISTS);
  }

  private Object updateContact(Call c) {
    ObjectNode stored = crm.contact(c.key("contactKey"));
    ObjectNode draft = stored.deepCopy();
    write(draft, c.object(), CONTACT_TEXT, CONTACT_LISTS, LINKS);
    draft.put("lastSavedTimestamp", crm.now());
    stored.setAll(draft);
    return draft;
  }

  // ---- organisations ----

  private Object listOrganizations(Call c) {
    String teamKey = crm.team(c.key("teamKey")).path("key").asString();
    return Pages.cursor(
        c,
        Crm.where(crm.organizations, o -> o.path("teamKey").asString().equals(teamKey)).stream()
            .map(ObjectNode::deepCopy)
            .toList());
  }

  private Object createOrganization(Call c) {
    String teamKey = crm.team(c.key("teamKey")).path("key").asString();
    ObjectNode org = Json.object();
    write(org, c.object(), ORG_TEXT, ORG_LISTS, List.of());
    if (org.path("name").asString("").isBlank() && org.path("domains").isEmpty()) {
      throw ApiError.badRequest("an organization needs a name or at least one domain");
    }
    ObjectNode existing =
        c.queryFlag("getIfExisting") ? sharing(crm.organizations, org, "domains") : null;
    return existing != null ? existing.deepCopy() : newOrganization(teamKey, org).deepCopy();
  }

  /** Stores an organisation of the team; the seed makes its organisations through this too. */
  ObjectNode newOrganization(String teamKey, ObjectNode org) {
    return store(crm.organizations, "Organization", teamKey, org, ORG_LISTS);
  }

  /** Gives a new contact or organisation its key and stamps, and empty lists where none given. */
  private ObjectNode store(
      Map<String, ObjectNode> table,
      String kind,
      String teamKey,
      ObjectNode o,
      List<String> lists) {
    String key = crm.opaqueKey(kind);
    o.put("key", key);
    o.put("teamKey", teamKey);
    o.put("creatorKey", crm.me);
    o.put("creationDate", crm.now());
    o.put("lastSavedTimestamp", crm.now());
    for (String list : lists) {
      if (!o.has(list)) {
        o.set(list, Json.array());
      }
    }
    for (String link : LINKS) {
      if (!o.has(link)) {
        o.set(link, Json.array());
      }
    }
    if (!o.has("fields")) {
      o.set("fields", Json.object());
    }
    table.put(key, o);
    return o;
  }

  /** The stored entry sharing a value of {@code list} with the new one (getIfExisting), or null. */
  private static ObjectNode sharing(Map<String, ObjectNode> table, ObjectNode given, String list) {
    for (JsonNode wanted : given.path(list)) {
      for (ObjectNode existing : table.values()) {
        for (JsonNode v : existing.path(list)) {
          if (v.asString().equalsIgnoreCase(wanted.asString())) {
            return existing;
          }
        }
      }
    }
    return null;
  }

  private Object updateOrganization(Call c) {
    ObjectNode stored = crm.organization(c.key("organizationKey"));
    ObjectNode draft = stored.deepCopy();
    write(draft, c.object(), ORG_TEXT, ORG_LISTS, LINKS);
    draft.put("lastSavedTimestamp", crm.now());
    stored.setAll(draft);
    return draft;
  }

  /**
   * Copies what a body sets onto a contact or organisation: text properties, lists (which replace),
   * links (which replace) and {@code fields} (which merge).
   */
  private static void write(
      ObjectNode target,
      ObjectNode body,
      List<String> text,
      List<String> lists,
      List<String> links) {
    for (String name : text) {
      String v = Bodies.string(body, name);
      if (v != null) {
        target.put(name, v);
      }
    }
    for (String name : lists) {
      JsonNode v = Bodies.array(body, name);
      if (v != null) {
        for (JsonNode item : v) {
          if (!item.isString()) {
            throw ApiError.badRequest(name + " must be an array of strings");
          }
        }
        target.set(name, v.deepCopy());
      }
    }
    for (String name : links) {
      JsonNode v = Bodies.array(body, name);
      if (v != null) {
        target.set(name, v.deepCopy());
      }
    }
    JsonNode fields = body.get("fields");
    if (fields != null && !fields.isNull()) {
      if (!fields.isObject()) {
        throw ApiError.badRequest("fields must be an object of {fieldKey: value}");
      }
      ObjectNode merged =
          target.has("fields") ? (ObjectNode) target.get("fields") : target.putObject("fields");
      fields.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
    }
  }

  private Object delete(Map<String, ObjectNode> table, ObjectNode o, String what) {
    String key = o.path("key").asString();
    table.remove(key);
    // Streak unlinks asynchronously; the stand-in does it at once.
    for (ObjectNode b : crm.boxes.values()) {
      for (String list : List.of("contacts", "organizations")) {
        var items = (ArrayNode) b.get(list);
        for (int i = items.size() - 1; i >= 0; i--) {
          if (items.get(i).path("key").asString().equals(key)) {
            items.remove(i);
          }
        }
      }
    }
    return Bodies.operation(what + " deleted");
  }
}
