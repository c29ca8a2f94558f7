// Stores and staff: open a store, bind a member to a store as staff, unbind after a confirmation. A store
// manager sees their own store and binds or unbinds its staff; an auditor only reads.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { del, get, int, post } from '../api.js';
import { tr } from '../i18n.js';
import { formatInstant } from '../format.js';
import { ErrorBox, Field, FormError, ListTable, PagedTable, confirmAction, notice, useLoad, useSubmit, useAction } from '../ui.js';
import { canManageStaff, canWrite, ownStoreId } from '../session.js';

export function StoresPage() {
  const stores = useLoad(() => get('/api/admin/stores'), []);
  const own = ownStoreId();
  const [storeFilter, setStoreFilter] = useState(own ? String(own) : '');
  const [page, setPage] = useState(1);
  const staff = useLoad(() => get('/api/admin/staff', { storeId: storeFilter, page, size: 20 }), [storeFilter, page]);
  const storeName = (id) => stores.data?.find((s) => s.id === id)?.name || `#${id}`;

  const [store, setStore] = useState({ name: '', address: '' });
  const createStore = useSubmit(async () => {
    await post('/api/admin/stores', { name: store.name.trim(), address: store.address.trim() || null });
    notice(tr('门店已创建', 'Store opened'));
    setStore({ name: '', address: '' });
    stores.reload();
  });

  const [binding, setBinding] = useState({ memberId: '', storeId: own ? String(own) : '' });
  const bind = useSubmit(async () => {
    await post('/api/admin/staff', { memberId: int(binding.memberId), storeId: int(binding.storeId) });
    notice(tr('已绑定店员', 'Staff member bound'));
    setBinding({ memberId: '', storeId: binding.storeId });
    staff.reload();
  });
  const unbind = useAction(async (s) => {
    if (!await confirmAction(tr(`解除 ${s.nickname || `#${s.memberId}`} 在 ${storeName(s.storeId)} 的店员身份？`,
      `Unbind ${s.nickname || `#${s.memberId}`} from ${storeName(s.storeId)}?`), tr('解除绑定', 'Unbind'))) return;
    await del(`/api/admin/staff/${s.memberId}`);
    notice(tr('已解除绑定', 'Unbound'));
    staff.reload();
  });

  return html`<section>
    <h2>${tr('门店与店员', 'Stores & staff')}</h2>
    <div class="card">
      <h3>${tr('门店', 'Stores')}</h3>
      <${ListTable} state=${stores} empty=${tr('还没有门店', 'No stores yet')}
        head=${[tr('编号', 'Id'), tr('名称', 'Name'), tr('地址', 'Address')]}
        row=${(s) => html`<tr><td>${s.id}</td><td>${s.name}</td><td class="wrap">${s.address || '—'}</td></tr>`} />
      ${canWrite() && html`<form class="inline-form" data-form="store" onSubmit=${createStore.submit} novalidate>
        <${Field} label=${tr('门店名称', 'Name')} name="name" errors=${createStore.error?.fields}>
          <input name="name" value=${store.name} onInput=${(e) => setStore({ ...store, name: e.target.value })} /><//>
        <${Field} label=${tr('地址（可选）', 'Address (optional)')} name="address" errors=${createStore.error?.fields}>
          <input name="address" value=${store.address} onInput=${(e) => setStore({ ...store, address: e.target.value })} /><//>
        <button type="submit" class="primary" disabled=${createStore.busy}>${tr('创建门店', 'Open store')}</button>
        <${FormError} error=${createStore.error} />
      </form>`}
    </div>
    <div class="card">
      <h3>${tr('店员', 'Staff')}</h3>
      ${canManageStaff() && html`<form class="inline-form" data-form="staff" onSubmit=${bind.submit} novalidate>
        <${Field} label=${tr('会员号', 'Member id')} name="memberId" errors=${bind.error?.fields}>
          <input name="memberId" type="number" min="1" value=${binding.memberId} onInput=${(e) => setBinding({ ...binding, memberId: e.target.value })} /><//>
        <${Field} label=${tr('门店', 'Store')} name="storeId" errors=${bind.error?.fields}>
          <select name="storeId" value=${binding.storeId} disabled=${Boolean(own)} onChange=${(e) => setBinding({ ...binding, storeId: e.target.value })}>
            ${!own && html`<option value="">${tr('选择门店', 'Choose a store')}</option>`}
            ${(stores.data || []).map((s) => html`<option value=${s.id}>${s.name}</option>`)}
          </select><//>
        <button type="submit" class="primary" disabled=${bind.busy}>${tr('绑定为店员', 'Bind as staff')}</button>
        <${FormError} error=${bind.error} />
      </form>`}
      <div class="toolbar">
        <label>${tr('按门店筛选', 'Store')} <select name="storeFilter" value=${storeFilter} disabled=${Boolean(own)} onChange=${(e) => { setPage(1); setStoreFilter(e.target.value); }}>
          ${!own && html`<option value="">${tr('全部门店', 'All stores')}</option>`}
          ${(stores.data || []).map((s) => html`<option value=${s.id}>${s.name}</option>`)}
        </select></label>
      </div>
      <${ErrorBox} error=${unbind.error} />
      <${PagedTable} state=${staff} page=${page} onPage=${setPage} empty=${tr('还没有店员', 'No staff yet')}
        head=${[tr('会员', 'Member'), tr('昵称', 'Nickname'), tr('门店', 'Store'), tr('绑定时间', 'Since'), ...(canManageStaff() ? [''] : [])]}
        row=${(s) => html`<tr data-staff=${s.memberId}>
          <td><a href=${`#/members/${s.memberId}`}>#${s.memberId}</a></td><td>${s.nickname || '—'}</td>
          <td>${storeName(s.storeId)}</td><td>${formatInstant(s.since)}</td>
          ${canManageStaff() && html`<td><button type="button" class="link" onClick=${() => unbind.run(s)}>${tr('解除绑定', 'Unbind')}</button></td>`}
        </tr>`} />
    </div>
  </section>`;
}
