package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's demo team: four people, a Sales and a Hiring pipeline with every custom field type,
 * enough boxes that lists need more than one page, and tasks, comments, meetings, emails and files
 * on them. Timestamps are relative to the clock, so "in this stage for more than 7 days" means the
 * same thing on every run; names and choices come from a fixed seed, so every run is alike.
 */
final class DemoTeam {
  static final String SALES = "Sales";
  static final String HIRING = "Hiring";
  static final String DEAL = "Acme Corp Renewal";
  static final String STALE_STAGE = "Technical Interview";

  /** Candidates in {@link #STALE_STAGE}: more than two pages at the tools' default limit of 25. */
  static final int CANDIDATES_IN_STALE_STAGE = 56;

  /**
   * Days a candidate has been in the stage, cycled; none is exactly 7, so no run sits on the edge.
   */
  private static final int[] DAYS_IN_STAGE = {1, 3, 5, 6, 8, 9, 10, 12, 14, 16, 19, 23, 30};

  private static final long DAY = 86_400_000L;

  private static final List<String> SALES_STAGES =
      List.of(
          "Lead",
          "Qualified",
          "Demo",
          "Verbal Agreement",
          "Contract Sent",
          "Closed Won",
          "Closed Lost");
  private static final List<String> PRIORITIES = List.of("High", "Medium", "Low");
  private static final List<String> HIRING_STAGES =
      List.of("Applied", "Phone Screen", STALE_STAGE, "Onsite", "Offer", "Hired", "Rejected");
  private static final List<String> ROLES =
      List.of("Backend Engineer", "Frontend Engineer", "Data Scientist", "Product Designer");
  private static final List<String> LEVELS = List.of("Junior", "Mid", "Senior", "Staff");

  private static final List<String> COMPANIES =
      List.of(
          "Globex",
          "Initech",
          "Umbrella Health",
          "Hooli",
          "Stark Logistics",
          "Wayne Foods",
          "Wonka Labs",
          "Soylent",
          "Cyberdyne",
          "Tyrell Bio",
          "Aperture Science",
          "Black Mesa",
          "Vandelay Imports",
          "Pied Piper",
          "Massive Dynamic",
          "Oscorp",
          "Gringotts",
          "Monarch",
          "Dunder Mifflin",
          "Prestige Worldwide");
  private static final List<String> DEAL_KINDS = List.of("Expansion", "Pilot", "New Logo");
  private static final List<String> GIVEN =
      List.of(
          "Ada",
          "Grace",
          "Alan",
          "Edsger",
          "Barbara",
          "Donald",
          "Frances",
          "Ken",
          "Radia",
          "Tim",
          "Margaret",
          "Linus",
          "Hedy",
          "John",
          "Katherine",
          "Dennis");
  private static final List<String> FAMILY =
      List.of(
          "Lovelace",
          "Hopper",
          "Turing",
          "Dijkstra",
          "Liskov",
          "Knuth",
          "Allen",
          "Thompson",
          "Perlman",
          "Berners-Lee",
          "Hamilton",
          "Torvalds",
          "Lamarr",
          "Backus");

  private final Crm crm;
  private final PipelineRoutes pipelines;
  private final BoxRoutes boxes;
  private final ActivityRoutes activity;
  private final TeamRoutes team;
  private final Random random = new Random(2026);
  private final long now;

  private String teamKey;
  private List<String> people;

  DemoTeam(
      Crm crm,
      PipelineRoutes pipelines,
      BoxRoutes boxes,
      ActivityRoutes activity,
      TeamRoutes team) {
    this.crm = crm;
    this.pipelines = pipelines;
    this.boxes = boxes;
    this.activity = activity;
    this.team = team;
    this.now = crm.now();
  }

  void seed() {
    people();
    List<String> orgs = organizations();
    List<String> contacts = contacts(orgs);
    sales(orgs, contacts);
    hiring();
  }

  private void people() {
    people =
        List.of(
            user("Alex Rivera", "alex@northwind.example"),
            user("Sam Chen", "sam@northwind.example"),
            user("Priya Patel", "priya@northwind.example"),
            user("Jordan Lee", "jordan@northwind.example"));
    crm.me = people.get(0);
    teamKey = crm.opaqueKey("Team");
    ObjectNode t = Json.object();
    t.put("key", teamKey);
    t.put("name", "Northwind Demo Team");
    t.put("creationDate", now - 400 * DAY);
    t.put("creator", crm.me);
    ArrayNode members = t.putArray("members");
    for (String p : people) {
      ObjectNode u = crm.user(p);
      ObjectNode m = members.addObject();
      m.put("userKey", p);
      m.put("role", p.equals(crm.me) ? "Owner" : "Member");
      m.put("inviteStatus", "Accepted");
      m.put("email", u.path("email").asString());
      m.put("displayName", u.path("displayName").asString());
      m.put("userType", "HUMAN");
    }
    crm.teams.put(teamKey, t);
  }

  private String user(String name, String email) {
    String key = crm.opaqueKey("User");
    ObjectNode u = Json.object();
    u.put("key", key);
    u.put("email", email);
    u.put("displayName", name);
    u.put("userType", "HUMAN");
    u.put("timezoneId", "America/New_York");
    u.put("creationTimestamp", now - 500 * DAY);
    u.put("lastSeenTimestamp", now - DAY);
    crm.users.put(key, u);
    return key;
  }

  private List<String> organizations() {
    List<String> keys = new java.util.ArrayList<>();
    ObjectNode acme = Json.object();
    acme.put("name", "Acme Corp");
    acme.put("industry", "Manufacturing");
    acme.put("employeeCount", "1000-5000");
    acme.set("domains", Crm.strings(List.of("acme.example")));
    keys.add(team.newOrganization(teamKey, acme).path("key").asString());
    for (String company : COMPANIES.subList(0, 11)) {
      ObjectNode o = Json.object();
      o.put("name", company);
      o.set("domains", Crm.strings(List.of(domain(company))));
      keys.add(team.newOrganization(teamKey, o).path("key").asString());
    }
    return keys;
  }

  private List<String> contacts(List<String> orgs) {
    List<String> keys = new java.util.ArrayList<>();
    ObjectNode dana = Json.object();
    dana.put("givenName", "Dana");
    dana.put("familyName", "Whitfield");
    dana.put("title", "VP Operations");
    dana.set("emailAddresses", Crm.strings(List.of("dana@acme.example")));
    dana.putArray("orgLinks").addObject().put("key", orgs.get(0));
    keys.add(team.newContact(teamKey, dana).path("key").asString());
    for (int i = 0; i < 23; i++) {
      String given = GIVEN.get(i % GIVEN.size());
      String family = FAMILY.get((i * 5) % FAMILY.size());
      String org = orgs.get(1 + i % (orgs.size() - 1));
      ObjectNode c = Json.object();
      c.put("givenName", given);
      c.put("familyName", family);
      c.set(
          "emailAddresses",
          Crm.strings(
              List.of(
                  (given + "." + family).toLowerCase(java.util.Locale.ROOT)
                      + "@"
                      + domain(COMPANIES.get(1 + i % 10)))));
      c.putArray("orgLinks").addObject().put("key", org);
      keys.add(team.newContact(teamKey, c).path("key").asString());
    }
    return keys;
  }

  private void sales(List<String> orgs, List<String> contacts) {
    ObjectNode p = pipelines.newPipeline(SALES, teamKey, "New business and renewals");
    SALES_STAGES.forEach(s -> pipelines.addStage(p, s));
    String value = field(p, "Deal Value", "TEXT_INPUT");
    String priority = field(p, "Priority", "DROPDOWN", PRIORITIES);
    String closeDate = field(p, "Close Date", "DATE");
    String nda = field(p, "Signed NDA", "CHECKBOX");
    String products = field(p, "Products", "TAG", "CRM", "Analytics", "Support", "Onboarding");
    String manager = field(p, "Account Manager", "PERSON");
    String champion = field(p, "Champion", "TEAM_CONTACT");
    String customer = field(p, "Customer", "TEAM_ORGANIZATION");
    ObjectNode formula = Json.object();
    formula.put("name", "Weighted Value");
    formula.put("type", "FORMULA");
    formula.put("defaultValue", "{Deal Value} * 0.6");
    pipelines.addField(p, formula);
    crm.pipelines.put(p.path("key").asString(), p);

    ObjectNode acme = box(p, DEAL, "Verbal Agreement", 4);
    acme.put("notes", "Three-year renewal; legal has the redlines. Budget approved in Q3.");
    ObjectNode f = (ObjectNode) acme.get("fields");
    f.put(value, "$84,000");
    f.put(priority, option(p, priority, "High"));
    f.put(closeDate, now + 21 * DAY);
    f.put(nda, true);
    f.set(
        products, Crm.strings(List.of(option(p, products, "CRM"), option(p, products, "Support"))));
    f.set(manager, Crm.strings(List.of(people.get(1))));
    f.set(champion, Crm.strings(List.of(contacts.get(0))));
    f.set(customer, Crm.strings(List.of(orgs.get(0))));
    acme.putArray("contacts").addObject().put("key", contacts.get(0));
    acme.putArray("organizations").addObject().put("key", orgs.get(0));
    assign(acme, people.get(1));
    task(acme, "Send the renewal quote", -6, true, people.get(1));
    task(acme, "Confirm the signatory with Dana", 1, false, crm.me);
    comment(acme, "Dana confirmed verbally on the call; waiting on procurement.", people.get(1), 3);
    comment(acme, "Legal wants the 2024 MSA terms kept.", crm.me, 2);
    thread(acme, "Renewal terms for 2027", 6);
    thread(acme, "Security questionnaire", 3);
    file(acme, "Acme_Renewal_Quote.pdf", "application/pdf");
    meeting(acme, "MEETING_NOTES", 5, "Renewal call: agreed on three years at the current rate.");

    ObjectNode pilot = box(p, "Acme Corp Pilot 2024", "Closed Won", 300);
    ((ObjectNode) pilot.get("fields")).put(value, "$12,000");
    for (int i = 0; i < 44; i++) {
      String company = COMPANIES.get(i % COMPANIES.size());
      String kind = DEAL_KINDS.get(i % DEAL_KINDS.size());
      ObjectNode b =
          box(
              p,
              company + " " + kind,
              SALES_STAGES.get(random.nextInt(SALES_STAGES.size())),
              1 + random.nextInt(40));
      ObjectNode values = (ObjectNode) b.get("fields");
      values.put(value, "$" + (5 + random.nextInt(120)) + ",000");
      values.put(priority, option(p, priority, PRIORITIES.get(random.nextInt(PRIORITIES.size()))));
      values.put(closeDate, now + (random.nextInt(90) - 30) * DAY);
      values.put(nda, random.nextBoolean());
      values.set(customer, Crm.strings(List.of(orgs.get(1 + i % (orgs.size() - 1)))));
      assign(b, people.get(random.nextInt(people.size())));
      if (i % 3 == 0) {
        task(b, "Follow up with " + company, random.nextInt(10) - 4, false, crm.me);
      }
      if (i % 5 == 0) {
        comment(b, "Intro call went well; sending a proposal.", people.get(i % people.size()), 2);
      }
    }
    ObjectNode hook = Json.object();
    String hookKey = crm.opaqueKey("Webhook");
    hook.put("key", hookKey);
    hook.put("pipelineKey", p.path("key").asString());
    hook.put("event", "BOX_CHANGE_STAGE");
    hook.put("targetUrl", "https://hooks.northwind.example/streak/stage-changes");
    hook.put("creatorKey", crm.me);
    hook.put("creationTimestamp", now - 90 * DAY);
    crm.webhooks.put(hookKey, hook);
  }

  private void hiring() {
    ObjectNode p = pipelines.newPipeline(HIRING, teamKey, "Engineering and design hiring");
    HIRING_STAGES.forEach(s -> pipelines.addStage(p, s));
    String role = field(p, "Role", "DROPDOWN", ROLES);
    String seniority = field(p, "Seniority", "DROPDOWN", LEVELS);
    field(p, "Start Date", "DATE");
    String referral = field(p, "Referral", "CHECKBOX");
    String skills = field(p, "Skills", "TAG", "Java", "TypeScript", "SQL", "Kubernetes", "Figma");
    String recruiter = field(p, "Recruiter", "PERSON");
    field(p, "Portfolio", "TEXT_INPUT");
    crm.pipelines.put(p.path("key").asString(), p);

    List<String> otherStages =
        HIRING_STAGES.stream().filter(st -> !st.equals(STALE_STAGE)).toList();
    int total = CANDIDATES_IN_STALE_STAGE + 18;
    for (int i = 0; i < total; i++) {
      String name =
          GIVEN.get(i % GIVEN.size())
              + " "
              + FAMILY.get((i * 3 + i / GIVEN.size()) % FAMILY.size());
      boolean stale = i < CANDIDATES_IN_STALE_STAGE;
      int days = stale ? DAYS_IN_STAGE[i % DAYS_IN_STAGE.length] : 1 + random.nextInt(20);
      ObjectNode b =
          box(p, name, stale ? STALE_STAGE : otherStages.get(i % otherStages.size()), days);
      ObjectNode values = (ObjectNode) b.get("fields");
      values.put(role, option(p, role, ROLES.get(i % ROLES.size())));
      values.put(seniority, option(p, seniority, LEVELS.get(random.nextInt(LEVELS.size()))));
      values.put(referral, i % 4 == 0);
      values.set(
          skills, Crm.strings(List.of(option(p, skills, i % 2 == 0 ? "Java" : "TypeScript"))));
      values.set(recruiter, Crm.strings(List.of(people.get(2))));
      assign(b, people.get(2));
      if (stale) {
        candidateTasks(b, i);
      }
    }
  }

  /**
   * A spread of task states, so "no DONE task" picks some candidates and not others: none, only
   * open tasks, a done task among open ones, or only done tasks.
   */
  private void candidateTasks(ObjectNode b, int i) {
    switch (i % 5) {
      case 1 -> task(b, "Send the take-home exercise", 2, false, people.get(2));
      case 2 -> {
        task(b, "Schedule the technical interview", -5, true, people.get(2));
        task(b, "Collect the interview scorecards", 1, false, people.get(3));
      }
      case 3 -> task(b, "Debrief with the interview panel", -2, true, people.get(3));
      case 4 -> comment(b, "Strong on systems design; weaker on testing.", people.get(3), 1);
      default -> {}
    }
  }

  // ---- small builders ----

  private ObjectNode box(ObjectNode p, String name, String stage, int daysInStage) {
    ObjectNode b = boxes.newBox(p, name, stageKey(p, stage));
    long entered = now - daysInStage * DAY - random.nextInt(3_600_000);
    b.put("creationTimestamp", entered - (5 + random.nextInt(30)) * DAY);
    b.put("lastStageChangeTimestamp", entered);
    b.put("lastUpdatedTimestamp", entered);
    return b;
  }

  private String field(ObjectNode p, String name, String type, String... options) {
    return field(p, name, type, List.of(options));
  }

  private String field(ObjectNode p, String name, String type, List<String> options) {
    ObjectNode body = Json.object();
    body.put("name", name);
    body.put("type", type);
    ObjectNode field = pipelines.addField(p, body);
    for (String o : options) {
      pipelines.addOption(field, o);
    }
    return field.path("key").asString();
  }

  private static String stageKey(ObjectNode p, String name) {
    for (var s : p.path("stages")) {
      if (s.path("name").asString().equals(name)) {
        return s.path("key").asString();
      }
    }
    throw new IllegalArgumentException("no stage " + name);
  }

  private static String option(ObjectNode p, String fieldKey, String name) {
    for (var f : p.path("fields")) {
      if (f.path("key").asString().equals(fieldKey)) {
        for (var o : f.path("dropdownSettings").path("items")) {
          if (o.path("name").asString().equals(name)) {
            return o.path("key").asString();
          }
        }
        for (var o : f.path("tagSettings").path("tags")) {
          if (o.path("tag").asString().equals(name)) {
            return o.path("key").asString();
          }
        }
      }
    }
    throw new IllegalArgumentException("no option " + name);
  }

  private void assign(ObjectNode box, String userKey) {
    ObjectNode u = crm.user(userKey);
    ObjectNode e = Json.object();
    e.put("userKey", userKey);
    e.put("email", u.path("email").asString());
    e.put("fullName", u.path("displayName").asString());
    ((ArrayNode) box.get("assignedToSharingEntries")).add(e);
  }

  private void task(ObjectNode box, String text, int dueInDays, boolean done, String assignee) {
    ArrayNode to = Json.array();
    to.add(crm.userBrief(assignee));
    ObjectNode t = activity.newTask(box, text, now + dueInDays * DAY, to);
    long created = box.path("lastStageChangeTimestamp").asLong();
    t.put("creationDate", created);
    t.put("lastSavedTimestamp", created);
    t.put("lastStatusChangeDate", created);
    if (done) {
      t.put("status", "DONE");
      t.put("reminderStatus", "NOT_REMINDED_BECAUSE_TASK_DONE");
    }
  }

  private void comment(ObjectNode box, String message, String author, int daysAgo) {
    ObjectNode c = activity.newComment(box, message, author);
    c.put("timestamp", now - daysAgo * DAY);
    c.put("lastSavedTimestamp", now - daysAgo * DAY);
  }

  private void thread(ObjectNode box, String subject, int daysAgo) {
    String key = crm.opaqueKey("Thread");
    ObjectNode t = Json.object();
    t.put("key", key);
    t.put("boxKey", box.path("key").asString());
    t.put("pipelineKey", box.path("pipelineKey").asString());
    t.put("threadGmailId", Long.toHexString(0x18c0000000000000L + key.hashCode()));
    t.put("subject", subject);
    t.put("numberOfEmails", 2 + subject.length() % 4);
    t.put("lastEmailTimestamp", now - daysAgo * DAY);
    t.put("lastEmailFrom", "dana@acme.example");
    t.put("creationTimestamp", now - (daysAgo + 2) * DAY);
    crm.threads.put(key, t);
  }

  private void file(ObjectNode box, String name, String mime) {
    String key = crm.opaqueKey("File");
    ObjectNode f = Json.object();
    f.put("key", key);
    f.put("fileKey", key);
    f.put("boxKey", box.path("key").asString());
    f.put("fileName", name);
    f.put("mimeType", mime);
    f.put("fileType", "GMAIL_API");
    f.put("size", 48_213);
    f.put("creationTimestamp", now - 3 * DAY);
    crm.files.put(key, f);
  }

  private void meeting(ObjectNode box, String type, int daysAgo, String notes) {
    ObjectNode m = activity.newMeeting(box, type, now - daysAgo * DAY, 1_800_000L, notes);
    m.put("creationDate", now - daysAgo * DAY);
  }

  private static String domain(String company) {
    return company.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
  }
}
