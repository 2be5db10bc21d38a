-- One city under two names (store/keys.py LOCALITY_ALIASES, session 12): events stored before
-- the aliases were added keep the old key; give them the key new mentions are looked up by.
UPDATE events SET locality_key = CASE locality_key
    WHEN 'new delhi' THEN 'delhi'
    WHEN 'bombay' THEN 'mumbai'
    WHEN 'calcutta' THEN 'kolkata'
    WHEN 'madras' THEN 'chennai'
    WHEN 'bangalore' THEN 'bengaluru'
    WHEN 'gurgaon' THEN 'gurugram'
    WHEN 'kiev' THEN 'kyiv'
    WHEN 'rangoon' THEN 'yangon'
    WHEN 'peking' THEN 'beijing'
    WHEN 'saigon' THEN 'ho chi minh city'
    WHEN 'tshwane' THEN 'pretoria'
    ELSE locality_key END
WHERE locality_key IN ('new delhi', 'bombay', 'calcutta', 'madras', 'bangalore', 'gurgaon', 'kiev', 'rangoon',
                       'peking', 'saigon', 'tshwane');
