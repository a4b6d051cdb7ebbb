-- 儿子, 女儿 and 闺女 are each a 子女, but not one another: in 0011's 子女 group a question about a
-- sister's son read the same as one about her daughter. They leave the group (a group the office
-- has edited stays as the office left it); 孩子, 小孩, 娃 and 儿女 still read as 子女.
UPDATE synonym_groups SET terms = '["子女","孩子","小孩","小孩子","娃","儿女"]'
  WHERE terms = '["子女","孩子","小孩","小孩子","娃","儿女","儿子","女儿","闺女"]' AND updated_at = '2026-01-01T00:00:00.000Z';
