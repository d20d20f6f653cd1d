"""Words of the workplace a general English dictionary lacks: never reported as spelling slips.

Members write about their work, so a note full of "sharding", "webhooks" and "devrel" is normal, and a
spelling alarm on each would teach them to ignore the check. Entries are lower case; plurals and other
regular forms of them are accepted by the spelling check itself. Capitalised words are never checked, so
names of products only need an entry when people type them in lower case ("kafka", "redis").
"""

from __future__ import annotations

WORKPLACE_TERMS = frozenset(
    {
        # engineering practice
        "sharding", "shard", "sharded", "idempotency", "idempotent", "webhook", "webhooks", "rollout", "rollback",
        "rollbacks", "failover", "failovers", "autoscaling", "autoscaler", "backfill", "backfills", "backfilled",
        "backlog", "backlogs", "hotfix", "hotfixes", "monorepo", "monorepos", "microservice", "middleware",
        "serverless", "multitenant", "multitenancy", "throughput", "latencies", "dedupe", "deduplication",
        "upsert", "upserts", "changelog", "changelogs", "codebase", "linter", "linters", "linting", "runtime",
        "runtimes", "uptime", "downtime", "frontend", "backend", "fullstack", "devops", "devsecops", "mlops",
        "dataops", "finops", "gitops", "devrel", "devex", "dx", "sre", "sres", "qa", "ux", "ui", "ci", "cd",
        "api", "apis", "sdk", "sdks", "cli", "clis", "ide", "ides", "orm", "orms", "rpc", "grpc", "graphql",
        "json", "yaml", "csv", "sql", "nosql", "etl", "elt", "dbt", "cdc", "olap", "oltp", "tls", "ssl", "oauth",
        "sso", "saml", "jwt", "cdn", "cdns", "dns", "vpc", "iam", "rbac", "mfa", "gpu", "gpus", "cpu", "cpus",
        "ml", "ai", "llm", "llms", "nlp", "rag", "genai", "mlflow", "pytorch", "tensorflow", "numpy", "pandas",
        "jupyter", "async", "config", "configs", "repo", "repos", "prod", "infra", "observability", "telemetry",
        "tracing", "oncall", "on-call", "runbook", "runbooks", "postmortem", "postmortems", "retro", "retros",
        "standup", "standups", "sprint", "sprints", "kanban", "scrum", "agile", "refactor", "refactors",
        "refactoring", "refactored", "scalability", "containerized", "containerization", "orchestration",
        "kubernetes", "k8s", "kafka", "redis", "postgres", "postgresql", "mysql", "mongodb", "snowflake",
        "bigquery", "redshift", "databricks", "airflow", "spark", "terraform", "ansible", "docker", "github",
        "gitlab", "jenkins", "jira", "confluence", "figma", "notion", "slack", "zapier", "tableau", "looker",
        "salesforce", "hubspot", "zendesk", "stripe", "aws", "gcp", "azure", "typescript", "javascript", "golang",
        "rust", "kotlin", "swift", "react", "nodejs", "django", "flask", "fastapi", "rails", "grafana",
        "prometheus", "datadog", "splunk", "elasticsearch", "opensearch", "lakehouse", "datalake", "dataset",
        "datasets", "dataflow", "pipelines", "workflow", "workflows", "geospatial", "fintech", "healthtech",
        "edtech", "insurtech", "proptech", "regtech", "martech", "adtech", "biotech", "cleantech", "saas", "paas",
        "iaas", "b2b", "b2c", "ecommerce", "omnichannel", "cybersecurity", "pentest", "pentesting", "infosec",
        "appsec", "devtools", "tooling", "webinar", "webinars", "livestream", "chatbot", "chatbots",
        # business and people
        "onboarding", "onboarded", "onboard", "offboarding", "offsite", "offsites", "onsite", "onsites",
        "roadmap", "roadmaps", "okr", "okrs", "kpi", "kpis", "roi", "arr", "mrr", "gtm", "crm", "erp", "hr",
        "p&l", "ceo", "cto", "cfo", "coo", "cpo", "vp", "vps", "pm", "pms", "tpm", "tpms", "ic", "ics", "eng",
        "stakeholder", "stakeholders", "upskill", "upskilling", "reskilling", "mentorship", "mentee", "mentees",
        "startup", "startups", "scaleup", "scaleups", "unicorn", "nonprofit", "nonprofits", "fundraiser",
        "fundraisers", "fundraising", "upsell", "upselling", "cross-sell", "churn", "churned", "renewals",
        "go-to-market", "dashboards", "dashboard", "analytics", "learnings", "teammates", "cofounder",
        "cofounders", "co-founder", "headcount", "hybrid", "remote-first", "async-first", "roastery",
        "roasteries", "microbrewery", "coworking", "coworkers", "freelancing", "internship", "internships",
        "hackathon", "hackathons", "meetup", "meetups", "podcast", "podcasts", "newsletter", "newsletters",
        "whitepaper", "whitepapers", "deliverable", "deliverables", "timeline", "timelines", "workstream",
        "workstreams", "usability", "accessibility", "a11y", "i18n", "localization", "localisation", "nps",
        "csat", "sla", "slas", "slo", "slos", "sli", "slis", "pr", "prs", "mvp", "mvps", "poc", "pocs",
        # interviews themselves
        "leetcode", "hackerrank", "takehome", "walkthrough", "walkthroughs", "roleplay", "crit", "crits",
        "panellist", "panellists", "bootcamp", "bootcamps", "externship", "externships", "reorg", "reorgs",
        "offboard", "preboarding", "underperformer", "underperformers", "underperforming", "longlist", "longlisted",
        "shortlist", "shortlisted", "shortlisting",
        # research, data and engineering
        "eval", "evals", "interpretability", "tokenizer", "tokenizers", "tokenization", "rlhf", "chatgpt", "codegen",
        "dataviz", "powerbi", "lookml", "dogfood", "dogfooding", "microfrontend", "microfrontends", "argocd", "dev",
        "devs", "wireframe", "wireframes", "wireframing", "figjam", "paywall", "paywalls", "substack", "ecomm",
        "dropshipping", "transcreation", "playtest", "playtests", "playtesting", "roguelike", "roguelikes", "app",
        "apps", "bot", "bots", "pdf", "pdfs", "tech", "techs", "comp", "comps", "emoji", "emojis",
        # word-forming prefixes typed before a hyphen ("multi-cloud", "semi-structured")
        "multi", "semi", "mid", "anti", "inter", "intra", "pre", "post", "sub", "non", "cross",
        # everyday life that comes up in small talk
        "kombucha", "powerlifting", "ironman", "triathlon", "triathlons", "pickleball", "bouldering",
        # service, retail, care and trades
        "cortado", "cortados", "macchiato", "matcha", "latte", "lattes",
        "barista", "baristas", "barback", "barbacks", "merch", "planogram", "planograms", "timesheet", "timesheets",
        "telehealth", "telemedicine", "ehr", "ehrs", "emr", "emrs", "tagout", "kaizen", "reskill",
        # sales, finance and sustainability
        "csm", "csms", "sdr", "sdrs", "bdr", "bdrs", "abm", "salesops", "revops", "dcf", "lbo", "lbos", "capex",
        "opex", "ebitda", "kyc", "aml", "esg", "ghg", "lca", "decarbonization", "climatetech",
    }
)  # fmt: skip
