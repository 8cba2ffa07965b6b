import { Migration } from '@mikro-orm/migrations';

/**
 * Delivery throughput: the rows every delivery of a program must lock — the oldest stock lot
 * and the impact rollups of the program's year (`impact.ina_reach_range`) — are now locked at
 * COMMIT, by deferred triggers, instead of in the middle of the transaction. Before, each
 * delivery held them across three or four client round trips (insert, audit, draw, idempotency
 * answer, commit), and on a busy server every round trip waits for the Node event loop, so all
 * deliveries of the city queued behind one another's round trips. At commit the lock is held
 * for the trigger's own work and the WAL flush only.
 *
 * The stock draw (oldest lot first, never below zero, as before) runs only in transactions that
 * ask for it with `set_config('ina.draw_at_commit', 'on', true)` — `recordDistribution` does;
 * the demo seed and a restore insert their own stock movements and must not draw twice. Too
 * little stock fails the commit with `ina_stock_insufficient:<packs left>`, which the service
 * turns into STOCK_INSUFFICIENT. Deferred triggers of one row fire by name: the consent and
 * consistency checks first, then the draw, then the impact rollup.
 */
export class Migration20261130010100InaDeliveryAtCommit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "ina_distribution_draw_stock"() returns trigger language plpgsql as $$
      declare v_available int;
      begin
        if new.kind <> 'DELIVERY' or coalesce(current_setting('ina.draw_at_commit', true), '') <> 'on' then return null; end if;
        with lots as (
               select l.id, l.packs_remaining, l.unit_cost, l.received_on, l.created_at from ina_stock_lot l
                where l.program_id = (select program_id from ina_distribution_round where id = new.round_id) and l.packs_remaining > 0
                order by l.received_on, l.created_at, l.id for update),
             fifo as (select *, sum(packs_remaining) over (order by received_on, created_at, id) as upto from lots),
             total as (select coalesce(sum(packs_remaining), 0)::int as available from lots),
             moved as (
               insert into ina_stock_movement (id, created_at, lot_id, distribution_id, packs, unit_cost)
               select gen_random_uuid(), now(), f.id, new.id, -least(f.packs_remaining, new.packs - (f.upto - f.packs_remaining)), f.unit_cost
                 from fifo f, total t where t.available >= new.packs and f.upto - f.packs_remaining < new.packs
               returning 1)
        select t.available into v_available from total t left join (select count(*) as n from moved) m on true;
        if v_available < new.packs then
          raise exception 'ina_stock_insufficient:%', v_available using errcode = '23514';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "ina_distribution_draw_stock" after insert on "ina_distribution"
      deferrable initially deferred for each row execute function "ina_distribution_draw_stock"();`);

    this.addSql(`drop trigger "ina_distribution_impact" on "ina_distribution";`);
    this.addSql(`create constraint trigger "ina_distribution_impact" after insert on "ina_distribution"
      deferrable initially deferred for each row execute function impact.ina_distribution_added();`);
  }
}
