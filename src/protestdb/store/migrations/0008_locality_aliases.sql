-- One city under two names (store/keys.py LOCALITY_ALIASES, session 12): events stored before
-- the aliases were added keep the old key; give them the key new mentions are looked up by.
-- A frozen copy of those aliases, on purpose: a migration runs once per store, at its version, and
-- must do the same on every store forever; read from keys.py it would rekey a store upgraded later
-- with aliases a store upgraded earlier never got. An alias added to keys.py later gets a migration
-- of its own (the next number), rekeying its old name the same way.
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
