-- The MHACs of DOMAIN.md. Cities marked city_assumed are still to be confirmed with IOM.
insert into centre (code, name, country, city, city_assumed, zone, languages, status) values
  ('ET-ADD', 'IOM MHAC Addis Ababa', 'ET', 'Addis Ababa', false, 'Africa/Addis_Ababa', 'am,ti,en,so', 'ACTIVE'),
  ('ET-SHI', 'IOM MHAC Shire',       'ET', 'Shire',       false, 'Africa/Addis_Ababa', 'ti,am,en',    'ACTIVE'),
  ('ET-JIJ', 'IOM MHAC Jijiga',      'ET', 'Jijiga',      false, 'Africa/Addis_Ababa', 'so,am,en',    'ACTIVE'),
  ('IR-THR', 'IOM MHAC Tehran',      'IR', 'Tehran',      true,  'Asia/Tehran',        'fa,prs,ps,en','ACTIVE'),
  ('LB-BEY', 'IOM MHAC Beirut',      'LB', 'Beirut',      true,  'Asia/Beirut',        'ar,en',       'ACTIVE'),
  ('SD-PZU', 'IOM MHAC Port Sudan',  'SD', 'Port Sudan',  false, 'Africa/Khartoum',    'ar,ti,en',    'ACTIVE'),
  ('SD-KRT', 'IOM MHAC Khartoum',    'SD', 'Khartoum',    false, 'Africa/Khartoum',    'ar,ti,en',    'ACTIVE'),
  ('TR-IST', 'IOM MHAC Istanbul',    'TR', 'Istanbul',    true,  'Europe/Istanbul',    'tr,ar,fa,en', 'ACTIVE'),
  ('TR-ANK', 'IOM MHAC Ankara',      'TR', 'Ankara',      true,  'Europe/Istanbul',    'tr,ar,fa,en', 'ACTIVE');

-- Working weeks: Mon-Fri by default; Iran Sat-Wed with a half-day Thursday; Sudan Sun-Thu.
insert into opening_hours (centre_code, day_of_week, opens, closes)
select c.code, d.dow, time '08:00', time '16:30'
from centre c cross join (values (1), (2), (3), (4), (5)) as d(dow)
where c.country in ('ET', 'LB', 'TR');

insert into opening_hours (centre_code, day_of_week, opens, closes) values
  ('IR-THR', 6, '08:00', '16:30'), ('IR-THR', 7, '08:00', '16:30'), ('IR-THR', 1, '08:00', '16:30'),
  ('IR-THR', 2, '08:00', '16:30'), ('IR-THR', 3, '08:00', '16:30'), ('IR-THR', 4, '08:00', '12:30');

insert into opening_hours (centre_code, day_of_week, opens, closes)
select c.code, d.dow, time '08:00', time '16:30'
from centre c cross join (values (7), (1), (2), (3), (4)) as d(dow)
where c.country = 'SD';

-- Demo availability: 30-minute slots for two people, morning and afternoon; mornings only on a half day.
insert into availability_template (id, centre_code, day_of_week, starts, ends, slot_minutes, capacity, valid_from)
select gen_random_uuid(), o.centre_code, o.day_of_week, time '08:30', time '12:00', 30, 2, date '2026-01-01'
from opening_hours o;

insert into availability_template (id, centre_code, day_of_week, starts, ends, slot_minutes, capacity, valid_from)
select gen_random_uuid(), o.centre_code, o.day_of_week, time '13:00', time '16:00', 30, 2, date '2026-01-01'
from opening_hours o where o.closes >= time '16:00';
