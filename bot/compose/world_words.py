"""More places and the names of large companies and brands, for proper_words.py: what members type in lower
case ("she used to work at nike", "fieldwork in belize", "moving to manitoba") that a note writes with capitals.

The rule is proper_words.py's: only words that are never ordinary English words. A name that is also a
common word stays out, because a capital there would change the meaning of some sentence: "target",
"apple", "amazon", "shell", "gap", "visa", "oracle", "subway", "slack", "zoom", "stripe", "adobe", "chevron",
"fidelity", "vanguard", "puma", "converse", "buffalo", "phoenix", "providence", "boulder", "savannah",
"guinea", "cologne", "bologna", "intel", "uber", "nestle", "turkey", "china", "nice", "reading", "mobile".
A word that is a person's name as well as a place ("jordan", "florence", "victoria") is written with a
capital either way, so it may be listed. Entries are lower case, words separated by one space; the value is
how the note writes it.
"""

from __future__ import annotations


def _capitalised(names: str) -> dict[str, str]:
    """ "new mexico; belize" → {"new mexico": "New Mexico", "belize": "Belize"}."""
    found = {}
    for name in (n.strip() for n in names.split(";")):
        if name:
            found[name] = " ".join(part[:1].upper() + part[1:] for part in name.split(" "))
    return found


#: Countries, states, provinces and regions not in proper_words.PLACES.
REGIONS = _capitalised("""
    belize; costa rica; panama; nicaragua; el salvador; dominican republic; puerto rico; haiti; paraguay;
    new zealand; south africa; sri lanka; myanmar; mongolia; uzbekistan; saudi arabia; united arab emirates;
    oman; bahrain; jordan; malta; moldova; montenegro; kosovo; botswana; namibia; mozambique; angola; sudan;
    somalia; malawi; madagascar; mauritius; fiji; libya; laos; bhutan; maldives; kyrgyzstan; tajikistan;
    liberia; sierra leone; wales; northern ireland; britain; great britain; united kingdom; united states;
    new mexico; new hampshire; north carolina; south carolina; north dakota; south dakota; west virginia;
    rhode island; montana; maine; washington; ontario; quebec; manitoba; alberta; saskatchewan; nova scotia;
    new brunswick; british columbia; newfoundland; yukon; nunavut; prince edward island; kerala; karnataka;
    maharashtra; gujarat; rajasthan; punjab; bavaria; catalonia; andalusia; tuscany; sicily; sardinia;
    patagonia; siberia; silicon valley; bay area; midwest; new england
""")

#: Large cities not in proper_words.PLACES.
CITIES = _capitalised("""
    belfast; cardiff; bristol; leeds; cambridge; marseille; toulouse; bordeaux; stuttgart; dusseldorf;
    düsseldorf; porto; seville; valencia; bilbao; naples; florence; venice; turin; zagreb; belgrade;
    bucharest; riga; tallinn; vilnius; reykjavik; minsk; tbilisi; yerevan; baku; almaty; tashkent; doha;
    abu dhabi; amman; beirut; tehran; baghdad; islamabad; kathmandu; colombo; ahmedabad; jaipur; kochi; noida;
    gurgaon; gurugram; kuala lumpur; ho chi minh city; saigon; phnom penh; yangon; guangzhou; chengdu;
    hangzhou; wuhan; nanjing; busan; nagoya; fukuoka; sapporo; yokohama; adelaide; canberra; christchurch;
    quito; caracas; montevideo; havana; san juan; monterrey; tijuana; cancun; winnipeg; edmonton;
    halifax; saskatoon; waterloo; mississauga; brampton; casablanca; marrakech; tunis; algiers; addis ababa;
    kampala; kigali; lusaka; harare; durban; pretoria; abuja; dakar; abidjan; kinshasa;
    san antonio; fort worth; jacksonville; indianapolis; kansas city; louisville; boise; spokane; tacoma;
    omaha; tulsa; el paso; fresno; anchorage; rochester; syracuse; albany; hartford; newark; jersey city;
    hoboken; berkeley; palo alto; mountain view; menlo park; cupertino; sunnyvale; redmond; bellevue;
    scottsdale; ann arbor; chapel hill; new haven; staten island; long island
""")

#: Companies and brands, as they write their own names.
BRANDS = _capitalised("""
    nike; adidas; reebok; lululemon; pixar; disney; netflix; spotify; microsoft; deloitte; accenture;
    buzzfeed; airbnb; lyft; doordash; instacart; grubhub; paypal; walmart; costco; starbucks; ikea;
    toyota; honda; hyundai; volkswagen; boeing; airbus; lockheed; raytheon; pfizer; moderna; novartis;
    unilever; nestlé; pepsi; pepsico; samsung; huawei; xiaomi; lenovo; nvidia; qualcomm;
    cisco; barclays; citibank; walgreens; kroger; nordstrom; sephora; tesco; aldi; lidl; carrefour; siemens;
    bosch; philips; sony; nintendo; ubisoft; verizon; comcast; twitter; reddit; pinterest; snapchat; alibaba;
    tencent; baidu; etsy; wayfair; zillow; redfin; expedia; coinbase; squarespace; atlassian; anthropic;
    dropbox; halliburton; maersk; gucci; prada; zara; exxon; wells fargo; morgan stanley; goldman sachs
""") | {
    "mckinsey": "McKinsey",
    "jpmorgan": "JPMorgan",
    "blackrock": "BlackRock",
    "fedex": "FedEx",
    "ebay": "eBay",
    "whatsapp": "WhatsApp",
    "wechat": "WeChat",
    "bytedance": "ByteDance",
    "openai": "OpenAI",
    "deepmind": "DeepMind",
    "spacex": "SpaceX",
    "exxonmobil": "ExxonMobil",
    "mcdonalds": "McDonald's",
    "mcdonald's": "McDonald's",
    "pwc": "PwC",
    "tripadvisor": "Tripadvisor",
    "youtube": "YouTube",
    "buzzfeed": "BuzzFeed",
    "paypal": "PayPal",
    "doordash": "DoorDash",
    "pepsico": "PepsiCo",
    "kpmg": "KPMG",
    "ibm": "IBM",
    "hsbc": "HSBC",
    "bcg": "BCG",
}
CITIES["dar es salaam"] = "Dar es Salaam"  # fmt: skip

#: Universities and colleges known by one name or their letters ("went to mcgill", "an mba from nyu"); not
#: "duke", "brown", "rice" (common words too) or "oxford" (a shoe and a cloth).
UNIVERSITIES = _capitalised("""
    harvard; stanford; yale; princeton; cornell; purdue; georgetown; rutgers; caltech; johns hopkins;
    carnegie mellon; vanderbilt; dartmouth; sorbonne; tsinghua
""") | {
    "mcgill": "McGill", "mit": "MIT", "ucla": "UCLA", "nyu": "NYU", "usc": "USC", "cuny": "CUNY", "suny": "SUNY",
    "lse": "LSE", "ucl": "UCL", "iit": "IIT", "iits": "IITs", "insead": "INSEAD", "eth zurich": "ETH Zurich",
    "uc berkeley": "UC Berkeley", "uc davis": "UC Davis", "uc san diego": "UC San Diego", "ucsd": "UCSD",
}  # fmt: skip
