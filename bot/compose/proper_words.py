"""Words members type in lower case that a note must write with capitals: products, places, acronyms.

Only words that are never ordinary English words are listed, so writing them with capitals cannot turn a
common word into a name ("nice", "reading", "turkey", "china", "spark", "notion", "go" and "excel" are left
as typed). Entries are lower case; the value is how the note writes it.
"""

from __future__ import annotations

from bot.compose.world_words import BRANDS, CITIES, REGIONS, UNIVERSITIES

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
#: Degrees and credentials that are never ordinary words ("ms", "ma", "ba", "bs", "md" and "jd" are left alone,
#: and so are "meng" and "beng", which are surnames too).
PRODUCTS |= {
    "phd": "PhD",
    "phds": "PhDs",
    "mba": "MBA",
    "mbas": "MBAs",
    "msc": "MSc",
    "bsc": "BSc",
    "mph": "MPH",
    "bsn": "BSN",
    "msn": "MSN",
    "dnp": "DNP",
    "lpn": "LPN",
    "emt": "EMT",
    "mfa": "MFA",
    "llb": "LLB",
    "edd": "EdD",
    "dphil": "DPhil",
    "cpd": "CPD",
    "hci": "HCI",
    "acca": "ACCA",
    "cima": "CIMA",
    "cissp": "CISSP",
    "shrm": "SHRM",
    "magento": "Magento",
    "woocommerce": "WooCommerce",
    "cna": "CNA",
    "tesol": "TESOL",
    "tefl": "TEFL",
    "celta": "CELTA",
    "comptia": "CompTIA",
    "usd": "USD",
    "uk": "UK",
    "usa": "USA",
    "uae": "UAE",
    "nhs": "NHS",
    "nasa": "NASA",
    "unicef": "UNICEF",
    "unesco": "UNESCO",
    "h1b": "H-1B",
    "ged": "GED",
    "covid": "COVID",
    "six sigma": "Six Sigma",
}
PRODUCTS |= UNIVERSITIES  # fmt: skip

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
        # holidays (not "easter", "lent", "advent": words, or names of places, too)
        "christmas", "thanksgiving", "ramadan", "diwali", "hanukkah", "passover", "kwanzaa", "eid", "lunar new year",
        # languages (not "polish", a verb too)
        "english", "spanish", "french", "german", "italian", "portuguese", "mandarin", "cantonese", "japanese",
        "korean", "arabic", "hindi", "urdu", "bengali", "punjabi", "tamil", "telugu", "russian", "ukrainian",
        "dutch", "swedish", "norwegian", "danish", "finnish", "greek", "hebrew", "vietnamese", "thai", "tagalog",
        "indonesian", "swahili", "yoruba", "igbo", "amharic", "farsi", "persian", "haitian creole", "creole",
        # nationalities and peoples (not "polish", "turkey"'s "turkish" is fine, "china" stays out)
        "american", "americans", "canadian", "canadians", "mexican", "brazilian", "nigerian", "kenyan", "ghanaian",
        "indian", "chinese", "british", "irish", "scottish", "welsh", "australian", "european", "african", "asian",
        "filipino", "filipina", "pakistani", "bangladeshi", "egyptian", "moroccan", "colombian", "peruvian",
        "argentinian", "argentine", "chilean", "venezuelan", "cuban", "jamaican", "haitian", "ethiopian", "somali",
        "turkish", "swiss", "israeli", "lebanese", "iranian", "iraqi", "syrian", "saudi", "emirati", "malaysian",
        "singaporean", "taiwanese", "hispanic", "latino", "latina", "latinx", "caribbean", "scandinavian",
        "south asian", "east asian", "west african", "east african", "latin american", "puerto rican",
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
