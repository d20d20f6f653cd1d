"""Words members type in lower case that a note must write with capitals: products, places, acronyms.

Only words that are never ordinary English words are listed, so writing them with capitals cannot turn a
common word into a name ("nice", "reading", "turkey", "china", "spark", "notion", "go" and "excel" are left
as typed). Entries are lower case; the value is how the note writes it.
"""

from __future__ import annotations

from bot.compose.world_words import BRANDS, CITIES, REGIONS

PRODUCTS = {
    "zendesk": "Zendesk", "salesforce": "Salesforce", "hubspot": "HubSpot", "tableau": "Tableau", "jira": "Jira",
    "github": "GitHub", "gitlab": "GitLab", "kafka": "Kafka", "postgres": "Postgres", "postgresql": "PostgreSQL",
    "mysql": "MySQL", "mongodb": "MongoDB", "redis": "Redis", "python": "Python", "javascript": "JavaScript",
    "typescript": "TypeScript", "kubernetes": "Kubernetes", "terraform": "Terraform", "docker": "Docker",
    "figma": "Figma", "canva": "Canva", "linkedin": "LinkedIn", "youtube": "YouTube", "datadog": "Datadog",
    "grafana": "Grafana", "tensorflow": "TensorFlow", "pytorch": "PyTorch", "django": "Django",
    "powerpoint": "PowerPoint", "photoshop": "Photoshop", "shopify": "Shopify", "graphql": "GraphQL",
    "bigquery": "BigQuery", "databricks": "Databricks", "looker studio": "Looker Studio", "airtable": "Airtable",
    "confluence": "Confluence", "splunk": "Splunk", "jenkins": "Jenkins", "golang": "Golang", "kotlin": "Kotlin",
    "nodejs": "Node.js", "node.js": "Node.js", "react native": "React Native", "nextjs": "Next.js",
    "snowpark": "Snowpark", "quickbooks": "QuickBooks", "netsuite": "NetSuite", "workday": "Workday",
    "servicenow": "ServiceNow", "sharepoint": "SharePoint", "wordpress": "WordPress", "instagram": "Instagram",
    "tiktok": "TikTok", "facebook": "Facebook", "google": "Google", "gmail": "Gmail", "iphone": "iPhone",
    "android": "Android", "macos": "macOS", "ios": "iOS", "leetcode": "LeetCode", "hackerrank": "HackerRank",
    "coursera": "Coursera", "udemy": "Udemy", "matlab": "MATLAB", "solidworks": "SolidWorks", "autocad": "AutoCAD",
    "revit": "Revit", "westlaw": "Westlaw", "lexisnexis": "LexisNexis", "mailchimp": "Mailchimp", "asana": "Asana",
    "trello": "Trello",
}  # fmt: skip
PRODUCTS |= BRANDS

#: Countries, US states, large cities, days, months and languages that are not also common words.
PLACES = frozenset(
    {
        "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan",
        "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "bulgaria", "cambodia", "cameroon",
        "canada", "chile", "colombia", "croatia", "cuba", "cyprus", "czechia", "denmark", "ecuador", "egypt",
        "estonia", "ethiopia", "finland", "france", "germany", "ghana", "greece", "guatemala", "honduras",
        "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan",
        "jamaica", "kazakhstan", "kenya", "korea", "kuwait", "latvia", "lebanon", "lithuania", "luxembourg",
        "malaysia", "mexico", "morocco", "nepal", "netherlands", "nigeria", "norway", "pakistan", "peru",
        "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "scotland", "senegal",
        "serbia", "singapore", "slovakia", "slovenia", "spain", "sweden", "switzerland", "syria", "taiwan",
        "tanzania", "thailand", "tunisia", "uganda", "ukraine", "uruguay", "venezuela", "vietnam", "zambia",
        "zimbabwe", "england", "alabama", "alaska", "georgia", "arizona", "arkansas", "california", "colorado",
        "connecticut", "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
        "kentucky", "louisiana", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
        "nebraska", "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah",
        "vermont", "virginia", "wisconsin", "wyoming", "toronto", "montreal", "vancouver", "ottawa", "calgary",
        "chicago", "boston", "seattle", "atlanta", "denver", "houston", "dallas", "austin", "miami", "detroit",
        "philadelphia", "pittsburgh", "baltimore", "brooklyn", "manhattan", "oakland",
        "sacramento", "portland", "minneapolis", "milwaukee", "cleveland", "cincinnati", "columbus", "nashville",
        "memphis", "orlando", "tampa", "charlotte", "raleigh", "tucson", "albuquerque", "las vegas",
        "los angeles", "san francisco", "san diego", "san jose", "new york", "new jersey", "new orleans",
        "salt lake city", "london", "manchester", "birmingham", "liverpool", "edinburgh", "glasgow", "dublin",
        "paris", "lyon", "berlin", "munich", "hamburg", "frankfurt", "amsterdam", "rotterdam", "brussels",
        "zurich", "geneva", "vienna", "prague", "warsaw", "krakow", "budapest", "madrid", "barcelona", "lisbon",
        "milan", "rome", "stockholm", "oslo", "copenhagen", "helsinki", "athens", "istanbul", "moscow", "kyiv",
        "tokyo", "osaka", "kyoto", "seoul", "beijing", "shanghai", "shenzhen", "hong kong", "taipei", "manila",
        "jakarta", "bangkok", "hanoi", "mumbai", "delhi", "bangalore", "bengaluru", "hyderabad", "chennai",
        "pune", "kolkata", "karachi", "lahore", "dhaka", "dubai", "riyadh", "tel aviv", "cairo", "lagos",
        "nairobi", "accra", "johannesburg", "cape town", "sydney", "melbourne", "brisbane", "perth", "auckland",
        "sao paulo", "rio", "buenos aires", "bogota", "santiago", "mexico city", "guadalajara", "malmö",
        "malmo", "gothenburg", "bronx", "honolulu", "europe", "asia", "africa", "north america", "south america",
        "latin america", "middle east", "scandinavia", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
        "january", "february", "april", "june", "july", "september", "october", "november", "december",
        # languages (not "polish", a verb too)
        "english", "spanish", "french", "german", "italian", "portuguese", "mandarin", "cantonese", "japanese",
        "korean", "arabic", "hindi", "urdu", "bengali", "punjabi", "tamil", "telugu", "russian", "ukrainian",
        "dutch", "swedish", "norwegian", "danish", "finnish", "greek", "hebrew", "vietnamese", "thai", "tagalog",
        "indonesian", "swahili", "yoruba", "igbo", "amharic", "farsi", "persian", "haitian creole", "creole",
    }
)  # fmt: skip
#: Written as world_words.py spells them ("Dar es Salaam"), so kept with the products.
PRODUCTS |= REGIONS | CITIES

#: Acronyms members type in lower case ("url", "sql"); "pm" only when it is not a time ("3 pm").
ACRONYMS = frozenset(
    {
        "url", "urls", "api", "apis", "sql", "aws", "gcp", "ui", "ux", "qa", "sre", "sres", "seo", "crm", "erp",
        "kpi", "kpis", "okr", "okrs", "ceo", "cto", "cfo", "coo", "cpo", "vp", "vps", "hr", "sdk", "sdks", "llm",
        "llms", "nlp", "etl", "saas", "b2b", "b2c", "gdpr", "json", "html", "css", "mvp", "roi", "dns", "vpn",
        "kyc", "aml", "csat", "nps", "pto", "dcf", "lbo", "ai", "icu", "hipaa", "sox", "gaap", "ifrs",
        "cpa", "cfa", "pmp", "gpa", "pov", "emea", "apac", "latam", "wlb", "ats", "cicd", "sla", "slas", "slo", "slos",
        "pms", "pm", "tpm", "tpms", "rfp",
        "rfps", "ehr", "emr", "cad", "plc", "hvac", "osha", "ghg", "esg", "cdisc", "sas", "spss", "nyc", "sf",
    }
)  # fmt: skip
