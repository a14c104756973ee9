/**
 * More column headers by field, to go with HEADER_SYNONYMS (headers.ts): the words shop, accounting/ERP and CRM
 * exports in Spanish (Spain, Latin America), Portuguese (Brazil, Portugal), Turkish, German, French and Italian use,
 * and the captions of 1C:Enterprise (Russian accounting) reports. Only words that name one field: a bare "Nombre" or
 * "Nome" is a name, never a customer id; statuses, discounts, subtotals, taxes and shipping name no field here.
 */

/**
 * A leading ~ marks a second choice: a tax id names a business customer, but an e-mail column, when
 * there is one, names every customer.
 */
/** Header words in Spanish, Portuguese, Turkish, German, French and Italian, and 1C's (Russian accounting) captions, by field. */
export const MORE_HEADER_SYNONYMS: Record<string, readonly string[]> = {
  customerId: [
    // Spanish
    'Cliente', 'ID cliente', 'ID del cliente', 'Código cliente', 'Código de cliente', 'Cod. cliente', 'Nº cliente', 'N° cliente',
    'Nº de cliente', 'Número de cliente', 'Comprador', 'Email', 'Correo', 'Correo electrónico', 'Email del comprador',
    'Email del cliente', '~DNI / CUIT', '~DNI', '~CUIT', '~CUIL', '~RUT', '~RFC', '~NIF', '~CIF', '~NIF/CIF', '~Identificación',
    // Portuguese
    'Cliente', 'ID do cliente', 'ID cliente', 'Código do cliente', 'Código cliente', 'Cod. cliente', 'Nº cliente', 'N° cliente',
    'Número do cliente', 'Comprador', 'E-mail', 'E-mail do comprador', 'E-mail do cliente', '~CPF / CNPJ', '~CNPJ/CPF', '~CPF',
    '~CNPJ', '~NIF', '~NIPC', '~Contribuinte', '~Nº contribuinte', '~NIF do cliente',
    // Turkish
    'Müşteri', 'Müşteri Kodu', 'Müşteri No', 'Müşteri Numarası', 'Müşteri ID', 'Cari Kodu', 'Cari Kod', 'Cari Hesap',
    'Cari Hesap Kodu', 'Alıcı', 'E-posta', 'E-posta Adresi', '~Vergi No', '~Vergi Numarası', '~VKN', '~TCKN', '~VKN/TCKN',
    'T.C. Kimlik No',
    // German
    'Kunde', 'Kundennummer', 'Kunden-Nr.', 'Kd.-Nr.', 'Kunden-ID', 'Debitor', 'Debitorennummer', 'Debitoren-Nr.',
    'Debitorenkonto', 'Käufer', 'Auftraggeber', 'E-Mail', 'E-Mail-Adresse', '~USt-IdNr.', '~USt-ID', '~Umsatzsteuer-ID',
    'Steuernummer',
    // French
    'Client', 'N° client', 'Nº client', 'Numéro client', 'Numéro de client', 'Code client', 'ID client', 'Identifiant client',
    'Réf. client', 'Référence client', 'Compte client', 'Tiers', 'Code tiers', 'Acheteur', 'E-mail', 'Adresse e-mail',
    'Courriel', '~SIRET', '~SIREN', '~N° TVA intracommunautaire', '~Numéro de TVA',
    // Italian
    'Cliente', 'Codice cliente', 'Cod. cliente', 'ID cliente', 'N. cliente', 'Numero cliente', 'Acquirente',
    'Cessionario/Committente', 'Committente', 'Email', 'Indirizzo email', '~Partita IVA', '~P. IVA', '~Codice fiscale', '~C.F.',
    'Cod. fiscale',
    // 1C
    'Контрагент', 'Покупатель', 'Заказчик', 'Контрагент (покупатель)', 'Клиент (контрагент)', 'Партнер', 'Код контрагента',
    '~ИНН', '~ИНН контрагента',
  ],
  date: [
    // Spanish
    'Fecha', 'Fecha de venta', 'Fecha venta', 'Fecha de la orden', 'Fecha de orden', 'Fecha del pedido', 'Fecha de pedido',
    'Fecha de compra', 'Fecha de factura', 'Fecha factura', 'Fecha de emisión', 'Fecha emisión', 'Fecha de pago',
    'Fecha de operación', 'Fecha de transacción', 'Fecha del documento', 'Fecha documento', 'Fecha contable', 'Fecha y hora',
    'Mes', 'Periodo', 'Día', 'Semana',
    // Portuguese
    'Data', 'Data da venda', 'Data de venda', 'Data do pedido', 'Data da compra', 'Data de compra', 'Data de emissão',
    'Data emissão', 'Data da fatura', 'Data de faturamento', 'Data de faturação', 'Data do pagamento', 'Data de pagamento',
    'Data do documento', 'Data do movimento', 'Data da transação', 'Data de lançamento', 'Data e hora', 'Mês', 'Período', 'Dia',
    'Semana',
    // Turkish
    'Tarih', 'Fatura Tarihi', 'Sipariş Tarihi', 'Satış Tarihi', 'İşlem Tarihi', 'Belge Tarihi', 'Evrak Tarihi', 'Fiş Tarihi',
    'Ödeme Tarihi', 'Düzenleme Tarihi', 'Ay', 'Dönem', 'Gün', 'Hafta',
    // German
    'Datum', 'Rechnungsdatum', 'Belegdatum', 'Bestelldatum', 'Auftragsdatum', 'Verkaufsdatum', 'Kaufdatum', 'Buchungsdatum',
    'Leistungsdatum', 'Lieferdatum', 'Fakturadatum', 'Zahlungsdatum', 'Transaktionsdatum', 'Monat', 'Zeitraum', 'Periode',
    'Woche',
    // French
    'Date', 'Date de facture', 'Date facture', 'Date de commande', 'Date commande', 'Date de vente', 'Date d\'achat',
    'Date de la transaction', 'Date de transaction', 'Date de paiement', 'Date du document', 'Date pièce', 'Date d\'émission',
    'Date comptable', 'Date d\'écriture', 'Mois', 'Période', 'Jour', 'Semaine',
    // Italian
    'Data', 'Data fattura', 'Data documento', 'Data doc.', 'Data ordine', 'Data vendita', 'Data acquisto', 'Data pagamento',
    'Data emissione', 'Data operazione', 'Data transazione', 'Mese', 'Periodo', 'Giorno', 'Settimana',
    // 1C
    'Период', 'Дата документа', 'Дата', 'Дата реализации', 'Дата отгрузки',
  ],
  amount: [
    // Spanish
    'Total', 'Importe', 'Importe total', 'Monto', 'Monto total', 'Total de la orden', 'Total orden', 'Total del pedido',
    'Total pedido', 'Total venta', 'Total factura', 'Importe factura', 'Importe de la factura', 'Valor', 'Valor total', 'Ventas',
    'Ingresos', 'Facturación', 'Importe neto', 'Total neto', 'Base imponible', 'Total pagado', 'Monto pagado', 'Importe cobrado',
    'Precio total',
    // Portuguese
    'Total', 'Valor', 'Valor total', 'Valor do pedido', 'Total do pedido', 'Valor da venda', 'Valor total da venda',
    'Valor da nota', 'Valor total da nota', 'Valor da fatura', 'Valor faturado', 'Faturamento', 'Faturação', 'Receita', 'Vendas',
    'Montante', 'Montante total', 'Valor líquido', 'Total líquido', 'Valor pago', 'Total pago', 'Valor recebido', 'Preço total',
    // Turkish
    'Tutar', 'Toplam', 'Toplam Tutar', 'Genel Toplam', 'Net Tutar', 'Net Toplam', 'Satış Tutarı', 'Fatura Tutarı',
    'Sipariş Tutarı', 'Belge Tutarı', 'Faturalanacak Tutar', 'Ödenen Tutar', 'Toplam Fiyat', 'Ciro', 'Satışlar', 'Hasılat',
    'Meblağ',
    // German
    'Betrag', 'Gesamt', 'Gesamtbetrag', 'Gesamtsumme', 'Summe', 'Umsatz', 'Umsatzerlöse', 'Erlös', 'Erlöse', 'Rechnungsbetrag',
    'Rechnungssumme', 'Bestellwert', 'Bestellsumme', 'Auftragswert', 'Endbetrag', 'Bruttobetrag', 'Nettobetrag', 'Brutto',
    'Netto', 'Nettowert', 'Umsatz netto', 'Umsatz brutto', 'Zahlbetrag', 'Gesamtpreis',
    // French
    'Montant', 'Montant total', 'Total', 'Montant TTC', 'Montant HT', 'Total TTC', 'Total HT', 'Montant de la commande',
    'Total commande', 'Total de la commande', 'Montant facture', 'Montant de la facture', 'Chiffre d\'affaires', 'CA', 'CA HT',
    'CA TTC', 'Ventes', 'Montant payé', 'Total payé', 'Montant net', 'Net à payer', 'Valeur', 'Prix total', 'Recettes',
    'Montant encaissé',
    // Italian
    'Importo', 'Importo totale', 'Totale', 'Totale documento', 'Importo totale documento', 'Totale fattura', 'Importo fattura',
    'Totale ordine', 'Importo ordine', 'Fatturato', 'Ricavi', 'Ricavo', 'Vendite', 'Valore', 'Valore totale', 'Imponibile',
    'Totale imponibile', 'Importo netto', 'Totale netto', 'Importo lordo', 'Importo pagato', 'Totale pagato', 'Prezzo totale',
    'Incasso', 'Incassi',
    // 1C
    'Выручка', 'Выручка без НДС', 'Выручка с НДС', 'Сумма продажи', 'Сумма реализации', 'Сумма документа', 'Сумма выручки',
    'Сумма',
  ],
  cost: [
    // Spanish
    'Costo', 'Coste', 'Costos', 'Costes', 'Costo total', 'Coste total', 'Costo de venta', 'Costo de ventas', 'Coste de ventas',
    'Costo de lo vendido', 'Costo de mercadería vendida', 'Coste de mercancías vendidas', 'CMV', 'Costo del producto',
    'Coste del producto', 'Costo de compra', 'Coste de compra', 'Precio de costo', 'Precio de coste',
    // Portuguese
    'Custo', 'Custos', 'Custo total', 'Custo da venda', 'Custo das vendas', 'Custo dos produtos vendidos', 'CPV',
    'Custo das mercadorias vendidas', 'CMV', 'CMVMC', 'Custo do produto', 'Custo de compra', 'Preço de custo',
    // Turkish
    'Maliyet', 'Toplam Maliyet', 'Maliyet Tutarı', 'Satış Maliyeti', 'Satılan Malın Maliyeti', 'SMM', 'Alış Maliyeti',
    'Alış Tutarı', 'Ürün Maliyeti', 'Gider', 'Giderler', 'Masraf', 'Masraflar',
    // German
    'Kosten', 'Gesamtkosten', 'Selbstkosten', 'Wareneinsatz', 'Warenkosten', 'Herstellkosten', 'Umsatzkosten', 'Einstandspreis',
    'Einstandswert', 'Einkaufspreis', 'Einkaufswert', 'EK', 'EK-Preis', 'Aufwand', 'Aufwendungen', 'Ausgaben',
    // French
    'Coût', 'Coûts', 'Coût total', 'Coût d\'achat', 'Coût de revient', 'Prix de revient', 'Prix d\'achat', 'Coût des ventes',
    'Coût des marchandises vendues', 'Coût du produit', 'Dépenses', 'Charges',
    // Italian
    'Costo', 'Costi', 'Costo totale', 'Costo del venduto', 'Costo d\'acquisto', 'Costo di acquisto', 'Prezzo d\'acquisto',
    'Prezzo di acquisto', 'Costo prodotto', 'Costo merce',
    // 1C
    'Себестоимость', 'Себестоимость продаж', 'Себестоимость реализации', 'Себестоимость без НДС',
  ],
  marginRate: [
    // Spanish
    'Margen', 'Margen bruto', 'Porcentaje de margen', 'Margen de ganancia', 'Margen de beneficio', 'Margen comercial',
    'Rentabilidad',
    // Portuguese
    'Margem', 'Margem bruta', 'Margem de lucro', 'Percentual de margem', 'Rentabilidade',
    // Turkish
    'Marj', 'Kâr Marjı', 'Brüt Kâr Marjı', 'Kâr Oranı', 'Kârlılık',
    // German
    'Marge', 'Marge in %', 'Bruttomarge', 'Spanne', 'Handelsspanne', 'Gewinnspanne', 'Umsatzrendite',
    // French
    'Marge', 'Taux de marge', 'Taux de marque', 'Marge brute', 'Pourcentage de marge', 'Rentabilité',
    // Italian
    'Margine', 'Margine lordo', 'Margine percentuale', 'Percentuale di margine', 'Redditività',
    // 1C
    'Рентабельность, %', 'Маржинальность, %',
  ],
  quantity: [
    // Spanish
    'Cantidad', 'Cant.', 'Cantidad vendida', 'Cantidad del producto', 'Cantidad total', 'Unidades', 'Uds.', 'Unidades vendidas',
    'Piezas', 'Pzas.', 'Nº de unidades', 'Número de artículos',
    // Portuguese
    'Quantidade', 'Qtd', 'Qtde', 'Quantidade vendida', 'Quantidade comprada', 'Quantidade total', 'Unidades', 'Itens', 'Peças',
    // Turkish
    'Miktar', 'Adet', 'Toplam Miktar', 'Toplam Adet', 'Satış Miktarı', 'Satış Adedi', 'Satılan Adet', 'Ürün Adedi',
    'Sipariş Miktarı',
    // German
    'Menge', 'Anzahl', 'Anz.', 'Stück', 'Stk.', 'Stückzahl', 'Gesamtmenge', 'Bestellmenge', 'Verkaufte Menge', 'Liefermenge',
    'Fakturierte Menge',
    // French
    'Quantité', 'Qté', 'Quantité vendue', 'Quantité commandée', 'Qté commandée', 'Quantité totale', 'Nombre d\'articles',
    'Nb d\'articles', 'Unités', 'Pièces',
    // Italian
    'Quantità', 'Qtà', 'Quantità venduta', 'Quantità totale', 'Pezzi', 'Pz.', 'Numero pezzi', 'N. pezzi', 'Numero articoli',
    'Unità vendute',
    // 1C
    'Количество',
  ],
  unitPrice: [
    // Spanish
    'Precio', 'Precio unitario', 'Precio unit.', 'P. unitario', 'Precio por unidad', 'Precio de venta', 'Precio venta',
    'Precio del producto', 'Precio unitario de venta de la publicación', 'Valor unitario', 'PVP', 'Precio de lista',
    'Precio lista',
    // Portuguese
    'Preço', 'Preço unitário', 'Preço unit.', 'Valor unitário', 'Vlr. unitário', 'Vl. unit.', 'Preço por unidade',
    'Preço de venda', 'Preço venda', 'Valor do produto', 'Preço unitário de venda do anúncio', 'PVP', 'Preço de tabela',
    // Turkish
    'Birim Fiyat', 'Birim Fiyatı', 'Br. Fiyat', 'Fiyat', 'Satış Fiyatı', 'Birim Satış Fiyatı', 'Adet Fiyatı', 'Liste Fiyatı',
    // German
    'Einzelpreis', 'Preis', 'Stückpreis', 'Preis pro Stück', 'Verkaufspreis', 'VK', 'VK-Preis', 'Listenpreis', 'E-Preis',
    'Einzelpreis netto', 'Einzelpreis brutto', 'Nettopreis', 'Bruttopreis',
    // French
    'Prix unitaire', 'Prix', 'PU', 'Prix unitaire HT', 'Prix unitaire TTC', 'PU HT', 'Prix de vente', 'Prix de vente unitaire',
    'Prix HT', 'Prix TTC', 'Prix catalogue', 'Tarif',
    // Italian
    'Prezzo', 'Prezzo unitario', 'Prezzo unit.', 'Prezzo di vendita', 'Prezzo vendita', 'Prezzo listino', 'Listino',
    'Prezzo cad.', 'Prezzo cadauno',
    // 1C
    'Цена', 'Цена продажи',
  ],
  productId: [
    // Spanish
    'Producto', 'Artículo', 'Código de producto', 'Código producto', 'Cod. producto', 'Código del artículo', 'Código artículo',
    'Cod. artículo', 'ID producto', 'ID del producto', 'SKU', 'Nombre del producto', 'Nombre producto',
    'Referencia del producto', 'Ref. producto', 'Título de la publicación', 'Código de barras', 'EAN', 'Mercadería', 'Mercancía',
    // Portuguese
    'Produto', 'Código do produto', 'Código produto', 'Cod. produto', 'ID do produto', 'SKU', 'Nome do produto',
    'Descrição do produto', 'Título do anúncio', 'Item', 'Artigo', 'Código do artigo', 'Referência do produto',
    'Código de barras', 'EAN', 'Mercadoria',
    // Turkish
    'Ürün', 'Ürün Kodu', 'Ürün Adı', 'Ürün ID', 'Stok Kodu', 'Stok Adı', 'Stok İsmi', 'Malzeme', 'Malzeme Kodu',
    'Malzeme Açıklaması', 'Mal/Hizmet', 'Mal Hizmet Kodu', 'Mal Hizmet Adı', 'Barkod', 'Model Kodu',
    // German
    'Artikel', 'Artikelnummer', 'Artikel-Nr.', 'Art.-Nr.', 'Artikel-ID', 'Artikelbezeichnung', 'Artikelname', 'Produkt',
    'Produktname', 'Produkt-ID', 'Produktnummer', 'Material', 'Materialnummer', 'EAN', 'SKU',
    // French
    'Produit', 'Article', 'Réf. article', 'Référence article', 'Référence produit', 'Code article', 'Code produit', 'ID produit',
    'Nom du produit', 'Nom produit', 'Désignation', 'Libellé article', 'Libellé produit', 'Code EAN',
    // Italian
    'Prodotto', 'Articolo', 'Codice articolo', 'Cod. articolo', 'Codice prodotto', 'Cod. prodotto', 'ID prodotto',
    'Nome prodotto', 'Descrizione articolo', 'Descrizione prodotto', 'SKU', 'EAN', 'Merce',
    // 1C
    'Номенклатура', 'Номенклатура (товар)', 'Код номенклатуры', 'Артикул',
  ],
  category: [
    // Spanish
    'Categoría', 'Categoría del producto', 'Categoría de producto', 'Grupo', 'Grupo de productos', 'Familia',
    'Familia de productos', 'Línea de producto', 'Línea de productos', 'Tipo de producto',
    // Portuguese
    'Categoria', 'Categoria do produto', 'Grupo', 'Grupo de produtos', 'Família', 'Linha de produto', 'Linha de produtos',
    'Tipo de produto',
    // Turkish
    'Kategori', 'Ürün Kategorisi', 'Ürün Grubu', 'Grup', 'Stok Grubu', 'Ana Grup', 'Malzeme Grubu',
    // German
    'Kategorie', 'Produktkategorie', 'Artikelkategorie', 'Warengruppe', 'Artikelgruppe', 'Produktgruppe', 'Materialgruppe',
    'Gruppe', 'Sortiment', 'Produktlinie', 'Produktfamilie',
    // French
    'Catégorie', 'Catégorie de produit', 'Catégorie produit', 'Famille', 'Famille de produits', 'Famille article', 'Groupe',
    'Gamme', 'Rayon', 'Ligne de produits', 'Type de produit',
    // Italian
    'Categoria', 'Categoria prodotto', 'Categoria merceologica', 'Famiglia', 'Gruppo', 'Gruppo merceologico', 'Reparto',
    'Linea di prodotto', 'Tipologia prodotto', 'Tipo prodotto',
    // 1C
    'Группа номенклатуры', 'Номенклатурная группа', 'Вид номенклатуры', 'Товарная категория',
  ],
  orderId: [
    // Spanish
    'Número de orden', 'Nº de orden', 'N° de orden', 'Orden', 'ID de orden', 'ID orden', 'Número de pedido', 'Nº pedido',
    'N° pedido', 'Nº de pedido', 'Pedido', 'ID del pedido', 'ID pedido', 'Orden de compra', 'Número de venta', 'Nº de venta',
    'Número de factura', 'Nº factura', 'N° factura', 'Factura', 'Folio', 'Comprobante', 'Número de comprobante',
    'Nº comprobante', 'Nº ticket', 'Albarán', 'Remito',
    // Portuguese
    'Número do pedido', 'Nº do pedido', 'Nº pedido', 'N° pedido', 'Pedido', 'ID do pedido', 'Código do pedido', 'N.º de venda',
    'Número da venda', 'Nota fiscal', 'Número da nota fiscal', 'Número da nota', 'Nº da nota', 'NF', 'NF-e', 'Nº NF', 'Fatura',
    'Nº fatura', 'Nº da fatura', 'Número da fatura', 'Recibo', 'Nº recibo',
    // Turkish
    'Sipariş No', 'Sipariş Numarası', 'Sipariş ID', 'Sipariş Kodu', 'Sipariş', 'Fatura No', 'Fatura Numarası', 'Fatura',
    'Belge No', 'Belge Numarası', 'Evrak No', 'Evrak Numarası', 'Fiş No', 'Fiş Numarası', 'İrsaliye No', 'ETTN',
    // German
    'Bestellnummer', 'Best.-Nr.', 'Bestell-Nr.', 'Bestellung', 'Bestell-ID', 'Auftragsnummer', 'Auftrags-Nr.', 'Auftrag',
    'Kundenauftrag', 'Rechnungsnummer', 'Rechnungs-Nr.', 'Re.-Nr.', 'Rechnung', 'Belegnummer', 'Beleg-Nr.', 'Beleg',
    'Belegfeld 1', 'Bonnummer', 'Bon-Nr.', 'Lieferscheinnummer', 'Lieferschein-Nr.', 'Vorgangsnummer', 'Verkaufsbeleg',
    'Faktura', 'Transaktions-ID',
    // French
    'N° de commande', 'Nº de commande', 'N° commande', 'Numéro de commande', 'Commande', 'ID commande', 'Référence de commande',
    'Référence commande', 'Réf. commande', 'Bon de commande', 'N° de facture', 'N° facture', 'Numéro de facture', 'Facture',
    'N° pièce', 'N° de pièce', 'Numéro de pièce', 'N° ticket', 'ID de transaction',
    // Italian
    'Numero ordine', 'N. ordine', 'Nr. ordine', 'Ordine', 'ID ordine', 'Codice ordine', 'Numero fattura', 'N. fattura',
    'Nr. fattura', 'Fattura', 'Numero documento', 'N. documento', 'Nr. documento', 'Numero scontrino', 'N. scontrino',
    'Scontrino', 'DDT', 'N. DDT',
    // 1C
    'Документ', 'Регистратор', 'Реализация товаров и услуг', 'Документ продажи', 'Заказ клиента', 'Номер документа',
  ],
  channel: [
    // Spanish
    'Canal', 'Canal de venta', 'Canal de ventas', 'Canal de adquisición', 'Canal de captación', 'Canal de marketing', 'Origen',
    'Origen del cliente', 'Origen del lead', 'Fuente', 'Fuente de tráfico', 'Campaña',
    // Portuguese
    'Canal', 'Canal de venda', 'Canal de vendas', 'Canal de aquisição', 'Origem', 'Origem do cliente', 'Origem do lead', 'Fonte',
    'Fonte de tráfego', 'Campanha', 'Marketplace',
    // Turkish
    'Kanal', 'Satış Kanalı', 'Edinme Kanalı', 'Pazarlama Kanalı', 'Kaynak', 'Müşteri Kaynağı', 'Trafik Kaynağı', 'Kampanya',
    'Pazaryeri',
    // German
    'Kanal', 'Vertriebskanal', 'Verkaufskanal', 'Absatzkanal', 'Vertriebsweg', 'Bestellkanal', 'Akquisekanal', 'Marketingkanal',
    'Quelle', 'Herkunft', 'Lead-Quelle', 'Traffic-Quelle', 'Kampagne',
    // French
    'Canal', 'Canal de vente', 'Canal de distribution', 'Canal d\'acquisition', 'Canal marketing', 'Source', 'Origine',
    'Provenance', 'Source du lead', 'Source de trafic', 'Campagne',
    // Italian
    'Canale', 'Canale di vendita', 'Canale di acquisizione', 'Canale marketing', 'Fonte', 'Origine', 'Provenienza', 'Sorgente',
    'Fonte del lead', 'Fonte di traffico', 'Campagna',
    // 1C
    'Канал продаж', 'Источник привлечения',
  ],
  customerName: [
    // Spanish
    'Nombre', 'Nombre del comprador', 'Nombre y apellido', 'Nombre y apellidos', 'Apellido y nombre', 'Nombre completo',
    'Nombre del cliente', 'Nombre cliente', 'Razón social', 'Empresa', 'Nombre de la empresa', 'Nombre comercial',
    'Nombre fiscal', 'Denominación',
    // Portuguese
    'Nome', 'Nome do comprador', 'Nome completo', 'Nome do cliente', 'Nome cliente', 'Nome e sobrenome', 'Razão social',
    'Nome/Razão social', 'Nome fantasia', 'Empresa', 'Nome da empresa',
    // Turkish
    'Müşteri Adı', 'Müşteri Adı Soyadı', 'Ad Soyad', 'Adı Soyadı', 'Müşteri Ünvanı', 'Ünvan', 'Cari Adı', 'Cari Ünvanı',
    'Cari Hesap Adı', 'Cari Hesap Ünvanı', 'Firma Adı', 'Firma Ünvanı', 'Firma', 'Şirket', 'Şirket Adı', 'Alıcı Adı',
    // German
    'Kundenname', 'Name des Kunden', 'Name', 'Vollständiger Name', 'Vor- und Nachname', 'Firmenname', 'Firma', 'Unternehmen',
    'Unternehmensname', 'Debitorenname', 'Rechnungsempfänger',
    // French
    'Nom du client', 'Nom client', 'Nom', 'Nom complet', 'Nom et prénom', 'Prénom et nom', 'Nom prénom', 'Raison sociale',
    'Société', 'Entreprise', 'Nom de l\'entreprise', 'Nom de la société', 'Nom de l\'acheteur', 'Dénomination', 'Nom du tiers',
    // Italian
    'Nome cliente', 'Nome del cliente', 'Nome', 'Nome e cognome', 'Cognome e nome', 'Nominativo', 'Ragione sociale',
    'Denominazione', 'Denominazione cliente', 'Azienda', 'Nome azienda', 'Società',
    // 1C
    'Наименование контрагента',
  ],
  name: [
    // Spanish
    'Nombre', 'Nombre del comprador', 'Nombre y apellido', 'Nombre y apellidos', 'Apellido y nombre', 'Nombre completo',
    'Nombre del cliente', 'Nombre cliente', 'Razón social', 'Empresa', 'Nombre de la empresa', 'Nombre comercial',
    'Nombre fiscal', 'Denominación', 'Nombre del producto', 'Nombre producto', 'Nombre del contacto', 'Nombre del prospecto',
    'Título',
    // Portuguese
    'Nome', 'Nome do comprador', 'Nome completo', 'Nome do cliente', 'Nome cliente', 'Nome e sobrenome', 'Razão social',
    'Nome/Razão social', 'Nome fantasia', 'Empresa', 'Nome da empresa', 'Nome do produto', 'Nome do contato', 'Nome do lead',
    'Título',
    // Turkish
    'Müşteri Adı', 'Müşteri Adı Soyadı', 'Ad Soyad', 'Adı Soyadı', 'Müşteri Ünvanı', 'Ünvan', 'Cari Adı', 'Cari Ünvanı',
    'Cari Hesap Adı', 'Cari Hesap Ünvanı', 'Firma Adı', 'Firma Ünvanı', 'Firma', 'Şirket', 'Şirket Adı', 'Ürün Adı', 'Stok Adı',
    'Başlık',
    // German
    'Kundenname', 'Name des Kunden', 'Name', 'Vollständiger Name', 'Vor- und Nachname', 'Firmenname', 'Firma', 'Unternehmen',
    'Unternehmensname', 'Debitorenname', 'Rechnungsempfänger', 'Bezeichnung', 'Artikelbezeichnung', 'Artikelname', 'Produktname',
    'Kontaktname', 'Titel',
    // French
    'Nom du client', 'Nom client', 'Nom', 'Nom complet', 'Nom et prénom', 'Prénom et nom', 'Nom prénom', 'Raison sociale',
    'Société', 'Entreprise', 'Nom de l\'entreprise', 'Nom de la société', 'Nom de l\'acheteur', 'Dénomination', 'Nom du tiers',
    'Nom du produit', 'Nom produit', 'Désignation', 'Libellé article', 'Libellé produit', 'Nom du contact', 'Nom du prospect',
    'Titre',
    // Italian
    'Nome cliente', 'Nome del cliente', 'Nome', 'Nome e cognome', 'Cognome e nome', 'Nominativo', 'Ragione sociale',
    'Denominazione', 'Denominazione cliente', 'Azienda', 'Nome azienda', 'Società', 'Nome prodotto', 'Descrizione articolo',
    'Descrizione prodotto', 'Nome contatto', 'Titolo',
    // 1C
    'Наименование контрагента',
  ],
  region: [
    // Spanish
    'Región', 'Ciudad', 'Provincia', 'Provincia o estado', 'Localidad', 'Municipio', 'Comuna', 'País', 'Zona', 'Territorio',
    'Comunidad autónoma',
    // Portuguese
    'Região', 'Cidade', 'UF', 'Município', 'Localidade', 'Distrito', 'Concelho', 'País', 'Zona', 'Território',
    // Turkish
    'Bölge', 'Satış Bölgesi', 'Şehir', 'İl', 'İlçe', 'Ülke', 'Semt', 'Konum',
    // German
    'Region', 'Stadt', 'Ort', 'Wohnort', 'Land', 'Bundesland', 'Kanton', 'Gebiet', 'Verkaufsgebiet', 'Vertriebsgebiet', 'Bezirk',
    'Landkreis', 'Standort',
    // French
    'Région', 'Ville', 'Département', 'Pays', 'Province', 'Commune', 'Localité', 'Zone', 'Territoire', 'Canton',
    'Secteur géographique',
    // Italian
    'Regione', 'Città', 'Provincia', 'Prov.', 'Comune', 'Località', 'Nazione', 'Paese', 'Zona', 'Area geografica', 'Territorio',
    // 1C
    'Регион', 'Бизнес-регион', 'Город',
  ],
  acquiredDate: [
    // Spanish
    'Fecha de alta', 'Fecha alta', 'Cliente desde', 'Fecha de primera compra', 'Fecha primera compra', 'Primera compra',
    'Fecha del primer pedido', 'Primer pedido', 'Fecha de inscripción', 'Fecha de suscripción', 'Fecha de captación',
    // Portuguese
    'Data de cadastro', 'Data do cadastro', 'Cliente desde', 'Data da primeira compra', 'Primeira compra', 'Primeiro pedido',
    'Data de adesão', 'Data de inscrição',
    // Turkish
    'Üyelik Tarihi', 'İlk Sipariş Tarihi', 'İlk Alış Tarihi', 'İlk Satış Tarihi',
    // German
    'Kunde seit', 'Registrierungsdatum', 'Registriert am', 'Anmeldedatum', 'Erstkaufdatum', 'Erster Kauf', 'Erste Bestellung',
    'Datum der ersten Bestellung', 'Akquisedatum',
    // French
    'Client depuis', 'Date d\'inscription', 'Date d\'acquisition', 'Date du premier achat', 'Premier achat', 'Première commande',
    'Date de première commande',
    // Italian
    'Cliente dal', 'Cliente da', 'Data iscrizione', 'Data di iscrizione', 'Data acquisizione', 'Data primo acquisto',
    'Primo acquisto', 'Primo ordine', 'Data primo ordine',
  ],
  acquisitionCost: [
    // Spanish
    'CAC', 'Costo de adquisición', 'Coste de adquisición', 'Costo de adquisición de clientes',
    'Costo de adquisición del cliente', 'Costo de captación', 'Coste de captación', 'Costo por adquisición', 'CPA',
    // Portuguese
    'CAC', 'Custo de aquisição', 'Custo de aquisição de clientes', 'Custo de aquisição do cliente', 'Custo por aquisição',
    'Custo de captação',
    // Turkish
    'Müşteri Edinme Maliyeti', 'Edinme Maliyeti', 'Müşteri Kazanım Maliyeti', 'Kazanım Maliyeti', 'Edinim Maliyeti',
    'Edinim Başına Maliyet',
    // German
    'Akquisitionskosten', 'Akquisekosten', 'Kundenakquisitionskosten', 'Kundengewinnungskosten', 'Kosten pro Akquisition',
    'Kosten pro Neukunde',
    // French
    'Coût d\'acquisition', 'Coût d\'acquisition client', 'Coût d\'acquisition du client', 'Coût par acquisition', 'CAC',
    // Italian
    'Costo di acquisizione', 'Costo acquisizione', 'Costo di acquisizione cliente', 'Costo per acquisizione', 'CAC',
  ],
  industry: [
    // Spanish
    'Industria', 'Sector', 'Sector de actividad', 'Actividad económica', 'Segmento',
    // Portuguese
    'Setor', 'Sector', 'Setor de atividade', 'Ramo', 'Ramo de atividade', 'Área de atuação', 'Segmento', 'CNAE', 'CAE',
    // Turkish
    'Sektör', 'Endüstri', 'Faaliyet Alanı', 'Faaliyet Konusu', 'İş Kolu',
    // German
    'Branche', 'Industrie', 'Sektor', 'Wirtschaftszweig', 'Tätigkeitsbereich',
    // French
    'Secteur', 'Secteur d\'activité', 'Industrie', 'Branche', 'Branche d\'activité', 'Code NAF', 'Code APE',
    // Italian
    'Settore', 'Settore di attività', 'Industria', 'Comparto', 'Codice ATECO', 'Segmento',
  ],
  size: [
    // Spanish
    'Tamaño', 'Tamaño de la empresa', 'Tamaño empresa', 'Número de empleados', 'Nº de empleados', 'Empleados',
    'Cantidad de empleados', 'Plantilla',
    // Portuguese
    'Porte', 'Porte da empresa', 'Tamanho', 'Tamanho da empresa', 'Número de funcionários', 'Nº de funcionários', 'Funcionários',
    'Colaboradores', 'Número de colaboradores', 'Dimensão', 'Dimensão da empresa',
    // Turkish
    'Büyüklük', 'Firma Büyüklüğü', 'Şirket Büyüklüğü', 'Çalışan Sayısı', 'Personel Sayısı', 'Ölçek', 'İşletme Ölçeği',
    // German
    'Größe', 'Grösse', 'Unternehmensgröße', 'Firmengröße', 'Größenklasse', 'Mitarbeiter', 'Mitarbeiterzahl',
    'Anzahl Mitarbeiter', 'Beschäftigte',
    // French
    'Taille', 'Taille de l\'entreprise', 'Effectif', 'Effectifs', 'Nombre d\'employés', 'Nombre de salariés',
    'Tranche d\'effectif', 'Catégorie d\'entreprise',
    // Italian
    'Dimensione', 'Dimensione aziendale', 'Numero dipendenti', 'N. dipendenti', 'Dipendenti', 'Fascia dipendenti',
    'Classe dimensionale',
  ],
  age: [
    // Spanish
    'Edad',
    // Portuguese
    'Idade',
    // Turkish
    'Yaş',
    // German
    'Alter',
    // French
    'Âge',
    // Italian
    'Età',
  ],
  income: [
    // Spanish
    'Ingreso mensual', 'Ingresos mensuales', 'Ingreso anual', 'Ingresos anuales', 'Nivel de ingresos', 'Renta anual', 'Salario',
    'Sueldo',
    // Portuguese
    'Renda', 'Renda mensal', 'Renda anual', 'Faixa de renda', 'Rendimento', 'Rendimento anual', 'Salário',
    // Turkish
    'Gelir', 'Aylık Gelir', 'Yıllık Gelir', 'Gelir Düzeyi', 'Maaş',
    // German
    'Einkommen', 'Jahreseinkommen', 'Monatseinkommen', 'Haushaltseinkommen', 'Nettoeinkommen', 'Bruttoeinkommen', 'Gehalt',
    // French
    'Revenu', 'Revenus', 'Revenu annuel', 'Revenu mensuel', 'Revenu du foyer', 'Tranche de revenu', 'Salaire',
    // Italian
    'Reddito', 'Reddito annuo', 'Reddito mensile', 'Reddito familiare', 'Fascia di reddito', 'Stipendio',
  ],
  kind: [
    // Spanish
    'Tipo', 'Tipo de costo', 'Tipo de coste', 'Tipo de gasto', 'Categoría de gasto', 'Concepto', 'Descripción', 'Motivo',
    // Portuguese
    'Tipo', 'Tipo de custo', 'Tipo de despesa', 'Categoria de despesa', 'Natureza', 'Natureza da despesa', 'Descrição',
    'Histórico',
    // Turkish
    'Tür', 'Tip', 'Gider Türü', 'Maliyet Türü', 'Masraf Türü', 'Masraf Tipi', 'Gider Kalemi', 'Masraf Kalemi', 'Açıklama',
    // German
    'Typ', 'Kostenart', 'Kostentyp', 'Kostenkategorie', 'Ausgabenart', 'Aufwandsart', 'Beschreibung', 'Buchungstext',
    'Verwendungszweck',
    // French
    'Type', 'Type de coût', 'Type de dépense', 'Type de frais', 'Nature', 'Nature de la dépense', 'Catégorie de dépense',
    'Poste de dépense', 'Libellé', 'Description', 'Motif',
    // Italian
    'Tipo', 'Tipologia', 'Tipo di costo', 'Tipo costo', 'Tipo spesa', 'Tipologia di spesa', 'Voce di costo', 'Voce di spesa',
    'Categoria di spesa', 'Causale', 'Descrizione', 'Natura',
    // 1C
    'Статья затрат', 'Статья расходов', 'Вид затрат',
  ],
  spend: [
    // Spanish
    'Gasto', 'Gasto en publicidad', 'Gasto publicitario', 'Gasto en marketing', 'Importe gastado', 'Inversión',
    'Inversión publicitaria', 'Presupuesto', 'Costo', 'Coste', 'Costo de campaña', 'Coste de campaña',
    // Portuguese
    'Investimento', 'Investimento em mídia', 'Valor investido', 'Valor usado', 'Valor gasto', 'Gasto', 'Gasto com anúncios',
    'Orçamento', 'Verba', 'Custo', 'Custo da campanha',
    // Turkish
    'Harcama', 'Harcanan Tutar', 'Reklam Harcaması', 'Reklam Gideri', 'Pazarlama Harcaması', 'Pazarlama Gideri', 'Bütçe',
    'Maliyet', 'Kampanya Maliyeti',
    // German
    'Ausgaben', 'Ausgegebener Betrag', 'Werbeausgaben', 'Werbekosten', 'Marketingausgaben', 'Marketingkosten', 'Budget',
    'Werbebudget', 'Mediabudget', 'Kosten', 'Kampagnenkosten',
    // French
    'Dépenses', 'Dépense', 'Montant dépensé', 'Dépenses publicitaires', 'Dépenses marketing', 'Budget', 'Budget dépensé',
    'Investissement', 'Coût', 'Coût de la campagne',
    // Italian
    'Spesa', 'Importo speso', 'Spesa pubblicitaria', 'Spese pubblicitarie', 'Spesa marketing', 'Budget', 'Investimento', 'Costo',
    'Costo campagna',
  ],
  newCustomers: [
    // Spanish
    'Clientes nuevos', 'Nuevos clientes', 'Clientes captados', 'Clientes adquiridos', 'Conversiones', 'Altas',
    // Portuguese
    'Novos clientes', 'Clientes novos', 'Clientes adquiridos', 'Clientes captados', 'Conversões', 'Cadastros',
    // Turkish
    'Yeni Müşteriler', 'Yeni Müşteri', 'Yeni Müşteri Sayısı', 'Kazanılan Müşteri', 'Edinilen Müşteri', 'Dönüşümler', 'Dönüşüm',
    // German
    'Neukunden', 'Neue Kunden', 'Anzahl Neukunden', 'Gewonnene Kunden', 'Konversionen', 'Conversions', 'Registrierungen',
    // French
    'Nouveaux clients', 'Nombre de nouveaux clients', 'Clients acquis', 'Clients gagnés', 'Conversions', 'Inscriptions',
    // Italian
    'Nuovi clienti', 'Clienti nuovi', 'Clienti acquisiti', 'Conversioni', 'Iscrizioni',
  ],
  prospectId: [
    // Spanish
    'Prospecto', 'ID prospecto', 'ID del prospecto', 'Lead', 'ID lead', 'ID del lead', 'Cliente potencial', 'ID oportunidad',
    'ID de oportunidad',
    // Portuguese
    'Lead', 'ID do lead', 'ID lead', 'Código do lead', 'Prospect', 'Cliente potencial', 'Potencial cliente',
    'ID da oportunidade',
    // Turkish
    'Aday Müşteri', 'Aday Müşteri Kodu', 'Aday Müşteri No', 'Potansiyel Müşteri', 'Potansiyel Müşteri Kodu', 'Fırsat No',
    // German
    'Interessent', 'Interessentennummer', 'Interessenten-Nr.', 'Lead-ID', 'Lead-Nr.', 'Potenzieller Kunde', 'Opportunity-ID',
    // French
    'Prospect', 'ID prospect', 'N° prospect', 'Code prospect', 'Lead', 'ID du lead', 'Client potentiel', 'ID opportunité',
    // Italian
    'Prospect', 'ID prospect', 'Codice prospect', 'Lead', 'ID lead', 'Cliente potenziale', 'Potenziale cliente',
  ],
};
